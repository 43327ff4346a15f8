package com.themegraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The named queries of {@code cypher/queries/*.cypher}, read once at start-up, and the
 * one owner of the Neo4j client that runs them: the API runs the very text a researcher
 * pastes into Neo4j Browser. {@code CypherLibraryTests} checks that every name the code
 * asks for is a file, so a missing query fails the build rather than a user's request.
 */
@Component
public class CypherQueries {

	private final Map<String, String> byName = new TreeMap<>();

	private final Neo4jClient neo4j;

	CypherQueries(Neo4jClient neo4j) throws IOException {
		this.neo4j = neo4j;
		var resolver = new PathMatchingResourcePatternResolver();
		for (Resource resource : resolver.getResources("classpath*:cypher/queries/*.cypher")) {
			var name = resource.getFilename().replaceFirst("\\.cypher$", "");
			byName.put(name, read(resource));
		}
	}

	/**
	 * The named query, ready to bind its parameters and run in the caller's transaction.
	 * @param name the file name in {@code cypher/queries/} without {@code .cypher}
	 * @throws IllegalStateException when there is no such file
	 */
	public Neo4jClient.UnboundRunnableSpec query(String name) {
		return neo4j.query(get(name));
	}

	/**
	 * The text of a named query, as a researcher pastes it into Neo4j Browser.
	 * @throws IllegalStateException when there is no such file
	 */
	public String get(String name) {
		var query = byName.get(name);
		if (query == null) {
			throw new IllegalStateException(
					"No query cypher/queries/" + name + ".cypher; there are " + byName.keySet());
		}
		return query;
	}

	public static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Splits a script of {@code ;}-terminated statements, dropping {@code //} comment
	 * lines.
	 */
	public static List<String> statements(String script) {
		var withoutComments = script.lines()
			.filter(line -> !line.strip().startsWith("//"))
			.reduce("", (a, b) -> a + b + "\n");
		return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
			.map(String::strip)
			.filter(statement -> !statement.isEmpty())
			.toList();
	}

}
