package com.themegraph.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.Entities;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Page;
import com.themegraph.graph.PublishedWindow;
import com.themegraph.graph.GraphReads;

import org.springframework.stereotype.Service;

/**
 * The reads behind {@code /api/themes}: {@code themes.cypher},
 * {@code theme-stocks.cypher}.
 */
@Service
class ThemeQueries {

	private final GraphRows rows;

	private final Entities entities;

	private final GraphReads reads;

	ThemeQueries(GraphRows rows, Entities entities, GraphReads reads) {
		this.reads = reads;
		this.rows = rows;
		this.entities = entities;
	}

	/** One page of themes, in the order reports list them, and how many there are. */
	Page<ThemeSummary> all(int skip, int limit) {
		var row = reads.one("themes", Map.of("skip", skip, "limit", limit)).orElseThrow();
		return rows.page(row, "themes", skip, limit, ThemeSummary.class);
	}

	/**
	 * One page of a theme's stocks; {@code id} may also be the theme's name.
	 * @param evidenceLimit the most quotes per stock, newest first; null for every quote
	 * @param window only recommendations of reports published in it count
	 * @param sort {@code rank} (the theme's order) or {@code newest}
	 * @throws NotFoundException with the closest theme ids when there is no such theme
	 */
	Page<ThemeStock> stocks(String id, int skip, int limit, Integer evidenceLimit, PublishedWindow window,
			String sort) {
		var parameters = new HashMap<String, Object>(window.parameters());
		parameters.putAll(Map.of("id", id, "skip", skip, "limit", limit, "sort", sort));
		parameters.put("evidenceLimit", evidenceLimit);
		var row = reads.one(rankedQuery(window, sort), parameters).orElseThrow();
		if (((Number) row.get("total")).longValue() == 0) {
			// Not a theme id with stocks: maybe a theme's name (AI视频), or an empty theme.
			var theme = entities.require(id, "theme", List.of("Theme"));
			if (!theme.id().equals(id)) {
				parameters.put("id", theme.id());
				row = reads.one(rankedQuery(window, sort), parameters).orElseThrow();
			}
		}
		return rows.page(row, "stocks", skip, limit, ThemeStock.class);
	}

	/**
	 * The kept ranking ({@code theme-stocks.cypher}, read in index order) answers the
	 * unfiltered ranking; a window or {@code newest} changes the scores or the order, so
	 * those are computed from every path ({@code theme-stocks-computed.cypher}).
	 */
	static String rankedQuery(PublishedWindow window, String sort) {
		return window.isOpen() && "rank".equals(sort) ? "theme-stocks" : "theme-stocks-computed";
	}

}
