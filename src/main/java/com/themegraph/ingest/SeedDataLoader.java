package com.themegraph.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

import com.themegraph.system.SchemaInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads {@code seed-data/} at start-up, before the web server opens, so no request ever sees a
 * half-seeded graph: entity files first, since reports point at them, then reports. Restarting loads nothing twice: unchanged reports are skipped, entities re-merged.
 * A bad seed file stops the start with the file, entry and field named.
 */
@Component
@ConditionalOnProperty(name = "themegraph.seed.enabled", havingValue = "true", matchIfMissing = true)
class SeedDataLoader implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SeedDataLoader.class);

	private final DocumentLoader loader;

	private final JsonMapper json;

	private final String location;

	SeedDataLoader(DocumentLoader loader, JsonMapper json, SchemaInitializer schemaFirst,
			@org.springframework.beans.factory.annotation.Value("${themegraph.seed.location:classpath:seed-data/}") String location) {
		this.loader = loader;
		this.json = json;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			load();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Cannot read seed data from " + location, ex);
		}
	}

	void load() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		var files = new java.util.ArrayList<Resource>();
		for (var folder : new String[] { "entities", "reports" }) {
			var found = resolver.getResources(location + folder + "/*.json");
			Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			files.addAll(Arrays.asList(found));
		}
		int done = 0;
		for (var file : files) {
			var origin = "seed-data/" + file.getURL().getPath().replaceFirst(".*/seed-data/", "");
			LoadResult result;
			try (var in = file.getInputStream()) {
				result = loader.load(json.readTree(in), origin);
			}
			catch (tools.jackson.core.JacksonException ex) {
				throw new InvalidDocumentException(origin, java.util.List.of(new Violation("", "not valid JSON: " + ex.getOriginalMessage())));
			}
			done++;
			log.info("Seed data [{}/{}] {}: {} ({} nodes, {} relationships)", done, files.size(), origin,
					result.outcome(), result.nodes(), result.relationships());
		}
	}

}
