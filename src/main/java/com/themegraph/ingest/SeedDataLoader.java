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

	private final DirectorySnapshot snapshot;

	SeedDataLoader(DocumentLoader loader, JsonMapper json, SchemaInitializer schemaFirst, KeptRankings rankings,
			DirectorySnapshot snapshot, PlatformTransactionManager transactions,
			@org.springframework.beans.factory.annotation.Value("${themegraph.seed.location:classpath:seed-data/}") String location) {
		this.loader = loader;
		this.rankings = rankings;
		this.snapshot = snapshot;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
		this.location = location.endsWith("/") ? location : location + "/";
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
		var entities = sorted(resolver.getResources(location + "entities/*.json"));
		var reports = sorted(resolver.getResources(location + "reports/*.json"));
		var directory = resolver.getResource(location + "directory/" + DirectorySnapshot.COMPANIES);
		var results = transactions.execute(status -> {
			var loaded = new ArrayList<String>();
			entities.forEach(file -> loaded.add(describe(origin(file), load(file))));
			// After the curated entity files, whose companies the directory leaves as
			// they
			// are; before the reports, which may name its companies.
			if (directory.exists()) {
				var started = System.nanoTime();
				for (var part : snapshot.parts(directory,
						resolver.getResource(location + "directory/" + DirectorySnapshot.SHORT_FORMS))) {
					loaded.add(describe(part.origin() + " (" + part.companies() + " companies)",
							loader.load(part.document(), part.origin())));
				}
				log.info("Listed-company directory checked in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			reports.forEach(file -> loaded.add(describe(origin(file), load(file))));
			return loaded;
		});
		for (int i = 0; i < results.size(); i++) {
			log.info("Seed data [{}/{}] {}", i + 1, results.size(), results.get(i));
		}
	}

	private static List<Resource> sorted(Resource[] found) {
		Arrays.sort(found, Comparator.comparing(Resource::getFilename));
		return List.of(found);
	}

	private static String describe(String origin, LoadResult result) {
		return origin + ": " + result.outcome() + " (" + result.nodes() + " nodes, " + result.relationships()
				+ " relationships)";
	}

	private LoadResult load(Resource file) {
		var origin = origin(file);
		try (var in = file.getInputStream()) {
			return loader.load(json.readTree(in), origin);
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
