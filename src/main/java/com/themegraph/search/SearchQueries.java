package com.themegraph.search;

import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.Page;
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
	 * One page of the things whose names or aliases contain {@code folded} (already
	 * folded), exact matches first, and how many there are.
	 */
	Page<Hit> search(String folded, int skip, int limit) {
		var row = cypher.query("search")
			.bindAll(Map.of("q", folded, "skip", skip, "limit", limit))
			.fetch()
			.one()
			.orElseThrow();
		return rows.page(row, "hits", skip, limit, Hit.class);
	}

}
