package com.themegraph.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.Entities;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.Page;
import com.themegraph.graph.ReadTransaction;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

@Service
@ReadTransaction
class ThemeQueries {

	private final Neo4jClient neo4j;

	private final GraphRows rows;

	private final Entities entities;

	private final String themes;

	private final String themeStocks;

	ThemeQueries(Neo4jClient neo4j, GraphRows rows, Entities entities, CypherQueries queries) {
		this.neo4j = neo4j;
		this.rows = rows;
		this.entities = entities;
		this.themes = queries.get("themes");
		this.themeStocks = queries.get("theme-stocks");
	}

	/** One page of themes, in the order reports list them. */
	List<ThemeSummary> all(int skip, int limit) {
		return neo4j.query(themes)
			.bindAll(Map.of("skip", skip, "limit", limit))
			.fetch()
			.all()
			.stream()
			.map(row -> rows.as(row, ThemeSummary.class))
			.toList();
	}

	/** {@code evidenceLimit} null: every quote. */
	Page<ThemeStock> stocks(String id, int skip, int limit, Integer evidenceLimit) {
		var parameters = new HashMap<String, Object>(Map.of("id", id, "skip", skip, "limit", limit));
		parameters.put("evidenceLimit", evidenceLimit);
		var row = neo4j.query(themeStocks)
			.bindAll(parameters)
			.fetch()
			.one()
			.orElseThrow();
		if (((Number) row.get("total")).longValue() == 0) {
			entities.require(id, "theme", List.of("Theme"));
		}
		return rows.page(row, skip, limit, ThemeStock.class);
	}

}
