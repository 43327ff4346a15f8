package com.themegraph;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every test that needs Neo4j: one embedded instance, seeded, per test JVM (every
 * subclass shares this exact configuration, so Spring's context cache starts it once).
 * Data goes to a fresh directory and Bolt to a free port, so tests never touch a
 * developer's ./data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "themegraph.embedded.data-directory=target/test-neo4j/${random.uuid}",
				"themegraph.embedded.bolt-port=0", "themegraph.embedded.page-cache=64m",
				"themegraph.security.api-key=" + GraphIT.TEST_API_KEY,
				"themegraph.cors.origins=" + GraphIT.DASHBOARD_ORIGIN })
@org.springframework.context.annotation.Import(TestNeo4j.class)
public abstract class GraphIT {

	public static final String SEED_REPORT = "tebon-2024-03-sora";

	/**
	 * The one web origin allowed to call the API from a page (CORS) in tests; the service
	 * allows none by default.
	 */
	public static final String DASHBOARD_ORIGIN = "https://dashboard.example";

	/** The writer's key in tests only; the service itself has no default key. */
	public static final String TEST_API_KEY = "test-writer-key";

	@Autowired
	protected Neo4jClient neo4j;

	@Value("${local.server.port}")
	int port;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * What a REST client sees: status, content type and the body parsed as JSON (or
	 * null).
	 */
	public record Response(int status, String contentType, String text, JsonNode body) {
	}

	protected Response get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
	}

	protected Response send(String method, String pathAndQuery, String contentType, String body, String... headers) {
		var request = HttpRequest.newBuilder(uri(pathAndQuery))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/** A body of exactly these bytes, whatever the Content-Type declares. */
	protected Response sendBytes(String method, String pathAndQuery, String contentType, byte[] body,
			String... headers) {
		var request = HttpRequest.newBuilder(uri(pathAndQuery))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", contentType);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	private Response send(HttpRequest request) {
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			var contentType = response.headers().firstValue("Content-Type").orElse("");
			JsonNode body = contentType.contains("json") ? json.readTree(response.body()) : null;
			return new Response(response.statusCode(), contentType, response.body(), body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request sent byte for byte as written (HTTP/1.0, so the answer ends with the
	 * connection), for targets {@link URI} refuses to hold, such as a query with a bare
	 * {@code %}.
	 */
	protected Response raw(String method, String target) {
		try (var socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write((method + " " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			var end = answer.indexOf("\r\n\r\n");
			var head = answer.substring(0, end).split("\r\n");
			var text = answer.substring(end + 4);
			var contentType = java.util.Arrays.stream(head)
				.filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
				.map(line -> line.substring("content-type:".length()).strip())
				.findFirst()
				.orElse("");
			JsonNode body = contentType.contains("json") ? json.readTree(text) : null;
			return new Response(Integer.parseInt(head[0].split(" ")[1]), contentType, text, body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Path segments and query values may hold Chinese or spaces: encoded here as a
	 * browser would.
	 */
	protected URI uri(String pathAndQuery) {
		try {
			var parts = pathAndQuery.split("\\?", 2);
			return new URI("http", null, "localhost", port, parts[0], parts.length > 1 ? parts[1] : null, null);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * The second report every ingest test loads or varies: a small invented report,
	 * marked TEST FIXTURE.
	 */
	protected static String secondReportFixture() {
		try {
			return new org.springframework.core.io.ClassPathResource("fixtures/test-fixture-second-report.json")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	protected long count(String cypher) {
		return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	/**
	 * Every node and relationship with all its properties, so "nothing changed" can be
	 * compared exactly.
	 */
	protected GraphSnapshot snapshot() {
		var nodes = neo4j.query("MATCH (n) RETURN count(n) AS c").fetchAs(Long.class).one().orElseThrow();
		var relationships = neo4j.query("MATCH ()-[r]->() RETURN count(r) AS c")
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
		var lines = new java.util.ArrayList<String>();
		neo4j.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
			.fetch()
			.all()
			.forEach(row -> lines.add(new java.util.TreeSet<>((java.util.List<?>) row.get("labels")) + " "
					+ new java.util.TreeMap<>((java.util.Map<?, ?>) row.get("props"))));
		neo4j.query("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
			.fetch()
			.all()
			.forEach(row -> lines.add(row.get("a") + " " + row.get("type") + " " + row.get("b") + " "
					+ new java.util.TreeMap<>((java.util.Map<?, ?>) row.get("props"))));
		java.util.Collections.sort(lines);
		return new GraphSnapshot(nodes, relationships, List.copyOf(lines));
	}

	/**
	 * Fails with the difference, line by line: the nodes and relationships (with their
	 * properties) that one graph has and the other lacks, not two opaque summaries.
	 */
	public static void assertSameGraph(GraphSnapshot actual, GraphSnapshot expected, String description) {
		org.assertj.core.api.Assertions.assertThat(actual.content())
			.as(description + " (each line a node or a relationship with its properties)")
			.containsExactlyElementsOf(expected.content());
	}

	/** Every node and relationship, one sorted line each; equal when the graphs are. */
	public record GraphSnapshot(long nodes, long relationships, List<String> content) {

		@Override
		public String toString() {
			return nodes + " nodes, " + relationships + " relationships";
		}

	}

	/** A CSV answer's text (after the byte order mark) and its records, header first. */
	public record Csv(String text, List<List<String>> records) {
	}

	/** A CSV answer: checked for its type and byte order mark, then parsed. */
	protected Csv csv(String pathAndQuery, String accept) {
		var response = csvResponse(pathAndQuery, accept);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		var bytes = response.body();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		try {
			var records = CSVFormat.DEFAULT.parse(new StringReader(text))
				.getRecords()
				.stream()
				.map(CSVRecord::toList)
				.toList();
			return new Csv(text, records);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected HttpResponse<byte[]> csvResponse(String pathAndQuery, String accept) {
		var request = HttpRequest.newBuilder(uri(pathAndQuery));
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
