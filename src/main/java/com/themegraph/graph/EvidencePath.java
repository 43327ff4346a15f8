package com.themegraph.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One chain of evidence between a stock and what it is linked to. Its weight is fixed by
 * its kind (see {@code cypher/queries/technology-stocks.cypher}); a score is the sum of
 * its paths' weights, so an analyst can recompute it from a response that carries every
 * path (no {@code pathLimit}, or {@code pathTotal} paths shown).
 */
public record EvidencePath(String kind, int weight, List<Step> steps) {

	/** What an item's {@code score} is, for the OpenAPI schema. */
	public static final String SCORE = "the sum of the weights of all the item's paths (docs/model.md#scores), those a pathLimit leaves out included";

	/** What an item's {@code pathTotal} is, for the OpenAPI schema. */
	public static final String PATH_TOTAL = "how many evidence paths the item has; the paths listed are all of them, or the strongest pathLimit when that is given. In CSV answers, the paths column";

	/**
	 * What the {@code pathLimit} query parameter of the technology and exposure answers
	 * does, for their OpenAPI description: paths come strongest first (weight, then kind,
	 * then theme or report id), so the first few are the ones a dashboard shows.
	 */
	public static final String PATH_LIMIT = "the most evidence paths per item, strongest first; pathTotal still counts them all and score still sums them all. Every path when absent.";

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
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedPrecision, String quote, Citation citation) {
	}

	/**
	 * Where a fact from the vocabulary is stated (title, publisher, date, address): a
	 * maker path's step carries it instead of a report and quote.
	 */
	public record Citation(String title, String publisher, String date, String url) {
	}

	public record NodeRef(String id, String kind, String name) {
	}

}
