package com.themegraph.ingest;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The statement parameters the service writes a document with (checked against its schema, not
 * against the graph), so the benchmark's baselines replay the very same rows. It lives in the
 * benchmark's source set, in the loader's package, so the service jar carries no API that only
 * the benchmark needs.
 */
public final class PlannedRows {

	private PlannedRows() {
	}

	/** Node rows ({id, labels, props}) and relationship rows, as the loader binds them. */
	public record Rows(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {
	}

	/**
	 * @param loader the service's loader (for its schemas)
	 * @param document a report or entity document
	 * @param origin its file name, for messages
	 * @return the rows the loader would write for it
	 * @throws InvalidDocumentException when the document fails its schema or quote checks
	 */
	public static Rows of(DocumentLoader loader, JsonNode document, String origin) {
		var plan = loader.plan(document, origin);
		return new Rows(DocumentLoader.nodeParameters(plan),
				plan.relationships().stream().map(WritePlan.RelationshipRow::asParameter).toList());
	}

}
