package com.themegraph.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One chain of evidence between a stock and what it is linked to. Its weight is fixed by
 * its kind (see {@code cypher/queries/technology-stocks.cypher}); a score is the sum of
 * its paths' weights, so an analyst can recompute it from the response.
 */
public record EvidencePath(String kind, int weight, List<Step> steps) {

	/**
	 * One relationship of the path, with the report it rests on (its id, title, broker
	 * and publication range, the same fields as {@code GET /api/reports} answers) and the
	 * quote, as plain text. The report fields are null, and shown as null, for a fact
	 * from an entity file rather than a report.
	 */
	public record Step(String type, NodeRef from, NodeRef to, String report,
			@JsonInclude(JsonInclude.Include.ALWAYS) String reportTitle,
			@JsonInclude(JsonInclude.Include.ALWAYS) String broker,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedEarliest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedLatest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedPrecision, String quote) {
	}

	public record NodeRef(String id, String kind, String name) {
	}

}
