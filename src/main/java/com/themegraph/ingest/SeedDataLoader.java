package com.themegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.themegraph.store.SchemaInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@code seed-data/} at start-up, before the web server opens, so no request ever
 * sees a half-seeded graph: entity files first, since reports point at them, then
 * reports. Restarting loads nothing twice: unchanged reports are skipped, entities
 * re-merged.
 * <p>
 * Every file is loaded in one transaction, so each is checked against the graph as the
 * files before it leave it, and a bad file (named with its entry and field) stops the
 * start with the graph exactly as it was: nothing of the files before it is committed.
 * Seed data is meant to be small (large corpora go through {@code themegraph load}), so
 * one transaction holds it well.
 */
@Component
@ConditionalOnProperty(name = "themegraph.seed.enabled", havingValue = "true", matchIfMissing = true)
class SeedDataLoader implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SeedDataLoader.class);

	private final DocumentLoader loader;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final String location;

	private final KeptRankings rankings;

	SeedDataLoader(DocumentLoader loader, JsonMapper json, SchemaInitializer schemaFirst, KeptRankings rankings,
			PlatformTransactionManager transactions,
			@org.springframework.beans.factory.annotation.Value("${themegraph.seed.location:classpath:seed-data/}") String location) {
		this.loader = loader;
		this.rankings = rankings;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
		this.location = location.endsWith("/") ? location : location + "/";
	}

	private VocabularyFiles vocabulary;

	/** Vocabulary files ({@code vocabulary/}) load after entity files, before reports. */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void vocabulary(VocabularyFiles vocabulary) {
		this.vocabulary = vocabulary;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed data from " + location, ex);
		}
	}

	void load() throws IOException {
		// Loads keep the rankings by difference: they must start from rows that match the
		// graph.
		rankings.ensureBuilt();
		var resolver = new PathMatchingResourcePatternResolver();
		var files = new ArrayList<Resource>();
		for (var folder : new String[] { "entities", "vocabulary", "reports" }) {
			var found = resolver.getResources(location + folder + "/*.json");
			Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			files.addAll(Arrays.asList(found));
		}
		var results = transactions.execute(status -> {
			var loaded = new ArrayList<LoadResult>();
			for (var file : files) {
				loaded.add(load(file));
			}
			return loaded;
		});
		for (int i = 0; i < files.size(); i++) {
			var result = results.get(i);
			log.info("Seed data [{}/{}] {}: {} ({} nodes, {} relationships)", i + 1, files.size(), origin(files.get(i)),
					result.outcome(), result.nodes(), result.relationships());
		}
	}

	private LoadResult load(Resource file) {
		var origin = origin(file);
		try (var in = file.getInputStream()) {
			var document = json.readTree(in);
			return vocabulary != null && origin.contains("/vocabulary/") ? vocabulary.load(document, origin)
					: loader.load(document, origin);
		}
		catch (JacksonException ex) {
			throw new InvalidDocumentException(origin,
					List.of(new Violation("", "not valid JSON: " + ex.getOriginalMessage())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed file " + origin, ex);
		}
	}

	private static String origin(Resource file) {
		try {
			return "seed-data/" + file.getURL().getPath().replaceFirst(".*/seed-data/", "");
		}
		catch (IOException ex) {
			return file.getDescription();
		}
	}

}
