package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Checks documents against the JSON Schemas in {@code seed-data/schema/}, which ship in
 * the jar so that the schema a client reads and the one the service applies are the same
 * file.
 */
@Component
public class DocumentSchemas {

	static final String SCHEMA_BASE = "https://themegraph.example/schema/";

	private final Schema report;

	private final Schema entities;

	private final Schema vocabulary;

	DocumentSchemas() {
		var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder
					.schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:seed-data/schema/"))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
		this.report = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "report.schema.json"));
		this.entities = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "entities.schema.json"));
		this.report.initializeValidators();
		this.entities.initializeValidators();
		this.vocabulary = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "vocabulary.schema.json"));
		this.vocabulary.initializeValidators();
	}

	/**
	 * Every way {@code document} breaks its kind's schema (report or entity file), as
	 * JSON pointers into it with messages; empty when it conforms. Checks the schema, and
	 * what the schema cannot say (every date a day of the calendar, a publication range
	 * in order, no half surrogate pairs), not what the graph holds (unknown entities are
	 * found when it is loaded).
	 */
	public List<Violation> validate(JsonNode document) {
		var kind = document.path("kind").asString("");
		var schema = switch (kind) {
			case "report" -> report;
			case "entities" -> entities;
			default -> null;
		};
		if (schema == null) {
			return List.of(new Violation("/kind", "must be \"report\" or \"entities\", was " + document.path("kind")));
		}
		return validate(document, schema);
	}

	/**
	 * Every way {@code document} breaks the vocabulary file schema
	 * ({@code vocabulary.schema.json}), as JSON pointers with messages; empty when it
	 * conforms.
	 */
	List<Violation> validateVocabulary(JsonNode document) {
		return validate(document, vocabulary);
	}

	private static List<Violation> validate(JsonNode document, Schema schema) {
		var violations = new ArrayList<Violation>();
		loneSurrogates(document, "", violations);
		schema.validate(document)
			.stream()
			.map(error -> new Violation(error.getInstanceLocation().toString(), error.getMessage()))
			.forEach(violations::add);
		DocumentDates.check(document, violations);
		return violations;
	}

	/**
	 * JSON may escape half of a surrogate pair (a code unit from D800 to DFFF), which is
	 * no character: Neo4j would store it as {@code ?}. Every pattern in the schemas would
	 * have to exclude it, and field names too; one walk over the document covers both.
	 */
	static void loneSurrogates(JsonNode node, String pointer, List<Violation> violations) {
		if (node.isString()) {
			if (hasLoneSurrogate(node.asString())) {
				violations.add(new Violation(pointer, "holds half of a UTF-16 surrogate pair (an escape such as "
						+ "\\ud800 without its partner), which is not a character"));
			}
			return;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				loneSurrogates(node.get(i), pointer + "/" + i, violations);
			}
			return;
		}
		for (var field : node.properties()) {
			var fieldPointer = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
			if (hasLoneSurrogate(field.getKey())) {
				violations.add(new Violation(fieldPointer, "the field name holds half of a UTF-16 surrogate pair"));
			}
			loneSurrogates(field.getValue(), fieldPointer, violations);
		}
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
