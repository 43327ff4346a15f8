package com.themegraph.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.extract.KnownNames.Known;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The names the seeded graph knows, read straight from seed-data/ for tests that need no
 * Neo4j: the same rows extract-known-names.cypher returns once the seed is loaded (an id
 * in two sections is one node with both kinds; an organisation of type broker, or a
 * report's broker, is a Broker).
 */
final class SeedNames {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> SECTIONS = Map.of("organizations", "Organization", "people", "Person",
			"technologies", "Technology", "products", "Product", "works", "Work", "companies", "Company");

	private SeedNames() {
	}

	static JsonNode read(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode seedReport() {
		return read("seed-data/reports/tebon-2024-03-sora.json");
	}

	static String seedText() {
		return seedReport().path("text").asString();
	}

	static KnownNames known() {
		return new KnownNames(knownRows());
	}

	static List<Known> knownRows() {
		var rows = new LinkedHashMap<String, Known>();
		var report = seedReport();
		for (var file : List.of(read("seed-data/entities/reference.json"), read("seed-data/entities/companies.json"),
				report.path("entities"))) {
			SECTIONS.forEach((section, label) -> file.path(section).forEach(entity -> add(rows, entity, label)));
		}
		var broker = rows.get(report.path("broker").asString());
		rows.put(broker.id(), withKind(broker, "Broker"));
		report.path("themes")
			.forEach(theme -> rows.put(theme.path("id").asString(), new Known(theme.path("id").asString(),
					List.of("Theme"), theme.path("name").asString(), null, List.of(), null)));
		report.path("risks")
			.forEach(risk -> rows.put(risk.path("id").asString(), new Known(risk.path("id").asString(), List.of("Risk"),
					risk.path("name").asString(), null, List.of(), null)));
		return List.copyOf(rows.values());
	}

	private static void add(Map<String, Known> rows, JsonNode entity, String label) {
		var id = entity.has("code") ? entity.path("code").asString() : entity.path("id").asString();
		var existing = rows.get(id);
		if (existing != null) {
			rows.put(id, withKind(existing, label));
			return;
		}
		var aliases = new ArrayList<String>();
		entity.path("aliases").forEach(alias -> aliases.add(alias.asString()));
		var kinds = new ArrayList<>(List.of(label));
		if ("broker".equals(entity.path("type").asString(null))) {
			kinds.add("Broker");
		}
		rows.put(id, new Known(id, kinds, entity.path("name").asString(), entity.path("nameEn").asString(null), aliases,
				entity.path("type").asString(null)));
	}

	private static Known withKind(Known known, String kind) {
		var kinds = new ArrayList<>(known.kinds());
		if (!kinds.contains(kind)) {
			kinds.add(kind);
		}
		return new Known(known.id(), kinds, known.name(), known.nameEn(), known.aliases(), known.type());
	}

}
