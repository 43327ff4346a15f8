package com.themegraph.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one document writes, as rows for batched {@code UNWIND ... MERGE}
 * statements. {@code references} maps each id the document points at but does not define
 * to the JSON pointer of its first use, so an unknown one can be reported where it was
 * written. {@code aliasesGiven} holds the ids whose entry gives an {@code aliases} list,
 * empty or not: {@code "aliases": []} on another source's entity removes the owner's, no
 * list at all restates it.
 */
record WritePlan(String source, boolean isReport, String contentHash, List<NodeRow> nodes,
		List<RelationshipRow> relationships, Map<String, String> references, Map<String, String> definitions,
		Set<String> aliasesGiven) {

	WritePlan(String source, boolean isReport, String contentHash, List<NodeRow> nodes,
			List<RelationshipRow> relationships, Map<String, String> references, Map<String, String> definitions) {
		this(source, isReport, contentHash, nodes, relationships, references, definitions, Set.of());
	}

	record NodeRow(String id, List<String> labels, Map<String, Object> props) {

		Map<String, Object> asParameter() {
			return Map.of("id", id, "labels", labels, "props", props);
		}

	}

	record RelationshipRow(String type, String from, String to, Map<String, Object> props) {

		Map<String, Object> asParameter() {
			return Map.of("type", type, "from", from, "to", to, "props", props);
		}

	}

}
