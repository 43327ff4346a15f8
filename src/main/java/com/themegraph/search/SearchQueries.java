package com.themegraph.search;

import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.ReadTransaction;
import com.themegraph.search.SearchController.Hit;

import org.springframework.stereotype.Service;

/** The read behind {@code /api/search}: {@code search.cypher}. */
@Service
@ReadTransaction
class SearchQueries {

	private final CypherQueries cypher;

	private final GraphRows rows;

	SearchQueries(CypherQueries cypher, GraphRows rows) {
		this.cypher = cypher;
		this.rows = rows;
	}

	/**
	 * Up to {@code limit} names or aliases containing {@code folded} (already folded),
	 * exact matches first.
	 */
	List<Hit> search(String folded, int limit) {
		return cypher.query("search")
			.bindAll(Map.of("q", folded, "limit", limit))
			.fetch()
			.all()
			.stream()
			.map(row -> rows.as(row, Hit.class))
			.toList();
	}

}
