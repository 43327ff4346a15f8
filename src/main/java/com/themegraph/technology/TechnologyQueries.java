package com.themegraph.technology;

import java.util.HashMap;
import java.util.Map;

import com.themegraph.graph.Entities;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Page;
import com.themegraph.graph.PublishedWindow;
import com.themegraph.graph.GraphReads;
import com.themegraph.technology.TechnologyController.LinkedStock;

import org.springframework.stereotype.Service;

/**
 * The read behind {@code /api/technologies/{id}/stocks}:
 * {@code technology-stocks.cypher}.
 */
@Service
class TechnologyQueries {

	private final GraphRows rows;

	private final Entities entities;

	private final GraphReads reads;

	TechnologyQueries(GraphReads reads, GraphRows rows, Entities entities) {
		this.reads = reads;
		this.rows = rows;
		this.entities = entities;
	}

	/**
	 * One page of the stocks linked to a technology, product or work, highest score first
	 * ({@code sort} {@code rank}) or most recently recommended first ({@code newest}),
	 * counting only the paths whose recommending report was published in {@code window}.
	 * @param id the entity's id, or its name or an alias in any case or width
	 * @param pathLimit the most paths per stock, strongest first; null for every path
	 * @throws NotFoundException with the closest ids when {@code id} names none of those
	 */
	Page<LinkedStock> stocks(String id, int skip, int limit, PublishedWindow window, String sort, Integer pathLimit) {
		var entity = entities.require(id, "technology, product or work", TechnologyController.TARGET_KINDS);
		var parameters = new HashMap<String, Object>(window.parameters());
		parameters.putAll(Map.of("id", entity.id(), "skip", skip, "limit", limit, "sort", sort));
		parameters.put("pathLimit", pathLimit);
		var row = reads.one(rankedQuery(window, sort), parameters).orElseThrow();
		return rows.page(row, "stocks", skip, limit, LinkedStock.class);
	}

	/**
	 * The kept ranking ({@code technology-stocks.cypher}, read in index order) answers
	 * the unfiltered ranking; a window or {@code newest} changes the scores or the order,
	 * so those are computed from every path ({@code technology-stocks-computed.cypher}).
	 */
	static String rankedQuery(PublishedWindow window, String sort) {
		return window.isOpen() && "rank".equals(sort) ? "technology-stocks" : "technology-stocks-computed";
	}

}
