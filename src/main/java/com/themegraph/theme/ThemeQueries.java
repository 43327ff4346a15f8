package com.themegraph.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.Entities;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.Page;
import com.themegraph.graph.ReadTransaction;

import org.springframework.stereotype.Service;

@Service
@ReadTransaction
class ThemeQueries {

	private final CypherQueries cypher;

	private final GraphRows rows;

	private final Entities entities;

	ThemeQueries(GraphRows rows, Entities entities, CypherQueries cypher) {
		this.cypher = cypher;
		this.rows = rows;
		this.entities = entities;
	}

	/** One page of themes, in the order reports list them. */
	List<ThemeSummary> all(int skip, int limit) {
		return cypher.query("themes")
			.bindAll(Map.of("skip", skip, "limit", limit))
			.fetch()
			.all()
			.stream()
			.map(row -> rows.as(row, ThemeSummary.class))
			.toList();
	}

	/**
	 * One page of a theme's stocks; {@code id} may also be the theme's name.
	 * {@code evidenceLimit} null: every quote.
	 */
	Page<ThemeStock> stocks(String id, int skip, int limit, Integer evidenceLimit) {
		var parameters = new HashMap<String, Object>(Map.of("id", id, "skip", skip, "limit", limit));
		parameters.put("evidenceLimit", evidenceLimit);
		var row = cypher.query("theme-stocks").bindAll(parameters).fetch().one().orElseThrow();
		if (((Number) row.get("total")).longValue() == 0) {
			// Not a theme id with stocks: maybe a theme's name (AI视频), or an empty theme.
			var theme = entities.require(id, "theme", List.of("Theme"));
			if (!theme.id().equals(id)) {
				parameters.put("id", theme.id());
				row = cypher.query("theme-stocks").bindAll(parameters).fetch().one().orElseThrow();
			}
		}
		return rows.page(row, "stocks", skip, limit, ThemeStock.class);
	}

}
