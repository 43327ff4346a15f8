package com.themegraph.graph;

import java.util.List;

/**
 * One chain of evidence between a stock and what it is linked to. Its weight is fixed by
 * its kind (see {@code cypher/queries/technology-stocks.cypher}); a score is the sum of
 * its paths' weights, so an analyst can recompute it from the response.
 */
public record EvidencePath(String kind, int weight, List<Step> steps) {

	/**
	 * One relationship of the path, with the report and the verbatim quote it rests on.
	 */
	public record Step(String type, NodeRef from, NodeRef to, String report, String quote) {
	}

	public record NodeRef(String id, String kind, String name) {
	}

}
