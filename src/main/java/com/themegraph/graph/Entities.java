package com.themegraph.graph;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds a node by id and answers 404, with the closest ids, when it is not one of the
 * kinds asked for.
 */
@Component
public class Entities {

	public record EntityRef(String id, String kind, List<String> kinds, String name, String nameEn) {
	}

	private final CypherQueries cypher;

	private final GraphRows rows;

	private final Suggestions suggestions;

	Entities(GraphRows rows, Suggestions suggestions, CypherQueries cypher) {
		this.cypher = cypher;
		this.rows = rows;
		this.suggestions = suggestions;
	}

	@ReadTransaction
	public EntityRef require(String id, String description, List<String> kinds) {
		Optional<EntityRef> found = cypher.query("entity-by-id")
			.bind(id)
			.to("id")
			.fetch()
			.one()
			.map(row -> rows.as(row, EntityRef.class))
			.filter(entity -> entity.kinds().stream().anyMatch(kinds::contains));
		return found.orElseThrow(
				() -> new NotFoundException("No " + description + " \"" + id + "\"", suggestions.closest(id, kinds)));
	}

}
