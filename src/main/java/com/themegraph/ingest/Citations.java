package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Where a fact of an entity file is stated (its {@code citation}: the maker's
 * announcement, paper or official page), kept beside the fact so answers can show it.
 * Neo4j properties hold no maps, so a citation is stored flat: on an edge as
 * {@code citationTitle}, {@code citationPublisher}, {@code citationDate} and
 * {@code citationUrl}; on a node as parallel lists ({@code citationTitles},
 * {@code citationPublishers}, {@code citationDates}, {@code citationUrls}: the sources of
 * the entity itself), and {@code dateCitations}, the address of the source of each of its
 * {@code dates}, in the same order ("" when a date cites none).
 */
final class Citations {

	private static final List<String> FIELDS = List.of("title", "publisher", "date", "url");

	private Citations() {
	}

	/**
	 * Adds an entity's {@code citations} and its dates' citations to its node's props.
	 */
	static void onNode(JsonNode entity, Map<String, Object> props) {
		var citations = entity.path("citations");
		if (!citations.isEmpty()) {
			for (var field : FIELDS) {
				var values = new ArrayList<String>();
				citations.forEach(citation -> values.add(citation.path(field).asString("")));
				props.put(listProperty(field), values);
			}
		}
		var dates = entity.path("dates");
		var dateCitations = new ArrayList<String>();
		dates.forEach(date -> dateCitations.add(date.path("citation").path("url").asString("")));
		if (dateCitations.stream().anyMatch(url -> !url.isEmpty())) {
			props.put("dateCitations", dateCitations);
		}
	}

	/** Adds a fact's {@code citation}, when it has one, to its edge's props. */
	static void onEdge(JsonNode fact, Map<String, Object> props) {
		var citation = fact.path("citation");
		if (!citation.isObject()) {
			return;
		}
		for (var field : FIELDS) {
			if (citation.has(field)) {
				props.put("citation" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
						citation.path(field).asString());
			}
		}
	}

	private static String listProperty(String field) {
		return "citation" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "s";
	}

}
