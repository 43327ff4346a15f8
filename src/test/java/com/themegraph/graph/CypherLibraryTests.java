package com.themegraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cypher/queries/ is the researchers' library of example queries: each one says what it
 * answers in its first line, and the README lists it, so nobody has to read the Java to
 * find it.
 */
class CypherLibraryTests {

	@Test
	void everyQueryStartsBySayingWhatItAnswersAndIsListedInTheReadme() throws IOException {
		var readme = Files.readString(Path.of("README.md"));
		try (Stream<Path> files = Files.list(Path.of("cypher/queries"))) {
			var queries = files.filter(file -> file.toString().endsWith(".cypher")).sorted().toList();
			assertThat(queries).hasSizeGreaterThan(10);
			for (var query : queries) {
				var name = query.getFileName().toString();
				assertThat(Files.readAllLines(query).get(0)).as(name).startsWith("// ").hasSizeGreaterThan(20);
				var listedAs = name.startsWith("ingest-") ? "`ingest-*.cypher`" : "`" + name + "`";
				assertThat(readme).as(name + " in README.md").contains("| " + listedAs + " |");
			}
		}
	}

	/**
	 * Names are looked up when a request runs, so a misspelt one must fail here, not for
	 * a user.
	 */
	@Test
	void everyQueryTheCodeNamesIsAFile() throws IOException {
		var named = java.util.regex.Pattern.compile("cypher\\.(?:query|get)\\(\"([\\w-]+)\"\\)");
		var names = new java.util.TreeSet<String>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (var source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
				named.matcher(Files.readString(source)).results().forEach(match -> names.add(match.group(1)));
			}
		}
		assertThat(names).hasSizeGreaterThan(20);
		for (var name : names) {
			assertThat(Path.of("cypher/queries", name + ".cypher")).as(name).exists();
		}
	}

}
