package com.themegraph.ingest;

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
 * Checks documents against the JSON Schemas in {@code seed-data/schema/}, which ship in the jar so
 * that the schema a client reads and the one the service applies are the same file.
 */
@Component
public class DocumentSchemas {

	static final String SCHEMA_BASE = "https://themegraph.example/schema/";

	private final Schema report;

	private final Schema entities;

	DocumentSchemas() {
		var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder
					.schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:seed-data/schema/"))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
		this.report = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "report.schema.json"));
		this.entities = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "entities.schema.json"));
		this.report.initializeValidators();
		this.entities.initializeValidators();
	}

	List<Violation> validate(JsonNode document) {
		var kind = document.path("kind").asString("");
		var schema = switch (kind) {
			case "report" -> report;
			case "entities" -> entities;
			default -> null;
		};
		if (schema == null) {
			return List.of(new Violation("/kind", "must be \"report\" or \"entities\", was " + document.path("kind")));
		}
		return schema.validate(document)
			.stream()
			.map(error -> new Violation(error.getInstanceLocation().toString(), error.getMessage()))
			.toList();
	}

}
