package com.themegraph.graph;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns the maps a Cypher query returns into the records the API answers with, by the
 * same names on both sides, so a query's RETURN clause is the response's shape.
 */
@Component
public class GraphRows {

	private final JsonMapper json;

	GraphRows(JsonMapper json) {
		this.json = json;
	}

	public <T> T as(Object value, Class<T> type) {
		return json.convertValue(value, type);
	}

	public <T> List<T> list(Object values, Class<T> type) {
		return ((List<?>) values).stream().map(value -> as(value, type)).toList();
	}

	/**
	 * A page from a query's one row: {@code total} (every item, not just these) and the
	 * list returned under {@code itemsKey}, each item mapped to {@code type}.
	 */
	public <T> Page<T> page(Map<String, Object> row, String itemsKey, int skip, int limit, Class<T> type) {
		return new Page<>(((Number) row.get("total")).longValue(), skip, limit, list(row.get(itemsKey), type));
	}

}
