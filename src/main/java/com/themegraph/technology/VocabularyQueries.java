package com.themegraph.technology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.themegraph.graph.Entities;
import com.themegraph.graph.GraphReads;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Page;
import com.themegraph.technology.VocabularyController.TechnologyDetail;
import com.themegraph.technology.VocabularyController.TechnologySummary;

import org.springframework.stereotype.Service;

/**
 * The reads behind {@code GET /api/technologies} ({@code technologies.cypher}) and
 * {@code GET /api/technologies/{id}} ({@code technology.cypher}).
 */
@Service
class VocabularyQueries {

	private final GraphReads reads;

	private final GraphRows rows;

	private final Entities entities;

	VocabularyQueries(GraphReads reads, GraphRows rows, Entities entities) {
		this.reads = reads;
		this.rows = rows;
		this.entities = entities;
	}

	/**
	 * One page of the technologies, products and works in id order, and how many there
	 * are.
	 * @param kind {@code technology}, {@code product} or {@code work}; null for all three
	 */
	Page<TechnologySummary> technologies(String kind, int skip, int limit) {
		var labels = kind == null ? TechnologyController.TARGET_KINDS
				: List.of(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1));
		var row = reads.one("technologies", Map.of("labels", labels, "skip", skip, "limit", limit)).orElseThrow();
		return rows.page(row, "items", skip, limit, TechnologySummary.class);
	}

	/**
	 * One technology, product or work with its facts and their sources.
	 * @param id its id, or its name or an alias in any case or width
	 * @throws NotFoundException with the closest ids when {@code id} names none of those
	 */
	TechnologyDetail technology(String id) {
		var entity = entities.require(id, "technology, product or work", TechnologyController.TARGET_KINDS);
		var row = reads.one("technology", Map.of("id", entity.id())).orElseThrow();
		return rows.as(row, TechnologyDetail.class);
	}

}
