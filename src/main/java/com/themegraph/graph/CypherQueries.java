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
import org.springframework.stereotype.Component;

/**
 * The named queries of {@code cypher/queries/*.cypher}, read once at start-up. The API runs the
 * very text a researcher pastes into Neo4j Browser; asking for a query that is not there fails
 * at start-up, when the feature that needs it is created, rather than on a user's request.
 */
@Component
public class CypherQueries {

	private final Map<String, String> byName = new TreeMap<>();

	CypherQueries() throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		for (Resource resource : resolver.getResources("classpath*:cypher/queries/*.cypher")) {
			var name = resource.getFilename().replaceFirst("\\.cypher$", "");
			byName.put(name, read(resource));
		}
	}

	public String get(String name) {
		var query = byName.get(name);
		if (query == null) {
			throw new IllegalStateException("No query cypher/queries/" + name + ".cypher; there are " + byName.keySet());
		}
		return query;
	}

	public static String read(Resource resource) {
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Splits a script of {@code ;}-terminated statements, dropping {@code //} comment lines. */
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
