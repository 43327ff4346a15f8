package com.themegraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cypher and the schemas list relationship types by hand (Cypher takes no type as a
 * parameter in an index or a pattern that must use one); each list must be
 * {@link RelationshipTypes}', or a report's edges of a missing type would survive its
 * replacement and deletion.
 */
class RelationshipTypesTests {

	@Test
	void theSchemaIndexesOnSourceExactlyTheTypesThatMayLieAwayFromTheReport() throws IOException {
		var schema = Files.readString(Path.of("cypher/schema.cypher"));
		var indexed = types(Pattern.compile("FOR \\(\\)-\\[e:(\\w+)\\]-\\(\\) ON \\(e\\.source\\)"), schema);
		assertThat(indexed).isEqualTo(new TreeSet<>(RelationshipTypes.INDEXED_BY_SOURCE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest-delete-report-edges", "ingest-report-endpoints", "ingest-bulk-sourced-edges" })
	void everyQueryThatFindsAReportsEdgesBySourceListsExactlyTheIndexedTypes(String query) throws IOException {
		var text = Files.readString(Path.of("cypher/queries/" + query + ".cypher"));
		var listed = types(Pattern.compile("\\[e?:(\\w+) \\{source: \\$?id\\}\\]"), text);
		assertThat(listed).as(query).isEqualTo(new TreeSet<>(RelationshipTypes.INDEXED_BY_SOURCE));
	}

	@Test
	void theJsonSchemaAllowsExactlyTheFactPredicates() throws IOException {
		var schema = JsonMapper.builder().build().readTree(Path.of("seed-data/schema/common.schema.json").toFile());
		var allowed = new java.util.ArrayList<String>();
		schema.at("/$defs/predicate/enum").forEach(value -> allowed.add(value.asString()));
		assertThat(allowed).containsExactlyInAnyOrderElementsOf(RelationshipTypes.FACT_PREDICATES);
	}

	@Test
	void anEdgeAwayFromItsReportIsFindableOnlyWhenItsTypeIsIndexed() {
		assertThat(RelationshipTypes.findableFromSource("RECOMMENDS", "theme", "300459.SZ", "report")).isTrue();
		assertThat(RelationshipTypes.findableFromSource("MENTIONS", "report", "sora", "report")).isTrue();
		assertThat(RelationshipTypes.findableFromSource("MENTIONS", "theme", "sora", "report")).isFalse();
		assertThat(RelationshipTypes.findableFromSource("INVENTED", "report", "sora", "report")).isFalse();
	}

	private static Set<String> types(Pattern pattern, String text) {
		var found = new TreeSet<String>();
		pattern.matcher(text).results().forEach(match -> found.add(match.group(1)));
		return found;
	}

}
