package com.themegraph.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.themegraph.GraphIT;
import com.themegraph.extract.TestPdfs;
import com.themegraph.graph.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests and report documents, each answered with a 4xx problem, and each
 * leaving every node and relationship exactly as it was. Writes carry valid credentials,
 * so what is tested is the input, not the authentication.
 */
class BadInputIT extends GraphIT {

	static final JsonMapper json = JsonMapper.builder().build();

	/** {@code raw}: the path is sent exactly as written (see {@link GraphIT#raw}). */
	record Case(String method, String path, String contentType, String body, int status, boolean raw) {

		Case(String method, String path, String contentType, String body, int status) {
			this(method, path, contentType, body, status, false);
		}

		@Override
		public String toString() {
			var shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "..." : body;
			return method + " " + (path.length() > 70 ? path.substring(0, 70) + "..." : path) + " " + shown;
		}

	}

	/** The valid fixture with one change. */
	static Case report(int status, Consumer<ObjectNode> change) {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		change.accept(document);
		return new Case("POST", "/api/reports", "application/json", document.toString(), status);
	}

	static Case post(String body, int status) {
		return new Case("POST", "/api/reports", "application/json", body, status);
	}

	static Case get(String path, int status) {
		return new Case("GET", path, null, null, status);
	}

	static Case raw(String path, int status) {
		return new Case("GET", path, null, null, status, true);
	}

	static ObjectNode theme(ObjectNode document, int index) {
		return (ObjectNode) document.withArray("themes").get(index);
	}

	static ObjectNode company(ObjectNode document, int theme, int index) {
		return (ObjectNode) theme(document, theme).withArray("companies").get(index);
	}

	/** Every endpoint that pages with skip and limit. */
	static final List<String> PAGED = List.of("/api/themes", "/api/reports", "/api/themes/ai-video-tools/stocks",
			"/api/technologies/sora/stocks", "/api/stocks/300459/exposure");

	/**
	 * A bad escape, a truncated one, bytes UTF-8 never uses, half a character, an encoded
	 * surrogate.
	 */
	static final List<String> MALFORMED_QUERIES = List.of("q=a%", "q=%FF%FE", "q=%E6%B1", "q=%zz", "q=%ED%A0%80");

	static Stream<Arguments> cases() {
		var cases = new ArrayList<Case>();
		// Not a document at all.
		cases.add(post("{not json", 400));
		cases.add(post("", 400));
		cases.add(post("[]", 400));
		cases.add(post("\"report\"", 400));
		cases.add(post("null", 400));
		cases.add(post("{\"kind\": \"report\", \"id\": \"x\", \"title\": \"t\"} trailing", 400));
		cases.add(post("[".repeat(100_000) + "]".repeat(100_000), 400));
		cases.add(new Case("POST", "/api/reports", "application/json", "{\"text\": \"" + "字".repeat(4_000_000) + "\"}",
				413));
		cases.add(new Case("POST", "/api/reports", "text/plain", secondReportFixture(), 415));
		cases.add(new Case("POST", "/api/reports", "application/xml", "<report/>", 415));
		// Wrong kind, missing and mistyped fields.
		cases.add(report(400, d -> d.put("kind", "entities")));
		cases.add(report(400, d -> d.remove("kind")));
		cases.add(report(400, d -> d.remove("text")));
		cases.add(report(400, d -> d.remove("themes")));
		cases.add(report(400, d -> d.remove("analysts")));
		cases.add(report(400, d -> d.put("title", 42)));
		cases.add(report(400, d -> d.putObject("themes")));
		cases.add(report(400, d -> d.put("text", "")));
		cases.add(report(400, d -> d.put("foo", "an unknown field")));
		cases.add(report(400, d -> d.withObject("published").put("earliest", 20240401)));
		cases.add(report(400, d -> d.withObject("published").put("earliest", "2024-13-01")));
		cases.add(report(400, d -> ((ObjectNode) d.withArray("analysts").get(0)).remove("quote")));
		cases.add(report(400, d -> ((ObjectNode) d.withArray("analysts").get(0)).put("sacCertificate", "S12")));
		// Ids and codes: malformed, full-width, injected, unknown.
		cases.add(report(400, d -> d.put("id", "Test-Fixture-Upper")));
		cases.add(report(400, d -> d.put("id", "x'}) DETACH DELETE n //")));
		cases.add(report(400, d -> theme(d, 0).put("id", "a\") MATCH (n) DETACH DELETE n //")));
		cases.add(report(400, d -> company(d, 0, 0).put("code", "30062")));
		cases.add(report(400, d -> company(d, 0, 0).put("code", "300624")));
		cases.add(report(400, d -> company(d, 0, 0).put("code", "３００６２４.SZ")));
		cases.add(report(400, d -> company(d, 0, 0).put("code", "300624.SZ' OR 1=1")));
		cases.add(report(400, d -> company(d, 0, 1).put("code", "600947.SH")));
		cases.add(report(400, d -> ((ObjectNode) d.withArray("about").get(0)).put("entity", "hyper-video")));
		cases.add(report(400,
				d -> d.withArray("facts")
					.addObject()
					.put("subject", "sora")
					.put("predicate", "OWNS")
					.put("object", "aigc")
					.put("quote", "测试风险")));
		cases.add(report(400,
				d -> d.withObject("entities")
					.withArray("people")
					.add(d.withObject("entities").withArray("people").get(0).deepCopy())));
		cases.add(report(400,
				d -> d.withObject("entities")
					.withArray("technologies")
					.addObject()
					.put("id", "openai")
					.put("name", "an id another kind already has")));
		// Evidence that is not in the text.
		cases.add(report(400, d -> company(d, 0, 0).put("quote", "【万兴科技，美图公司，汤姆猫】")));
		// Control characters and sizes.
		cases.add(report(400, d -> d.put("title", "测试\u0000周报")));
		cases.add(report(400, d -> d.put("text", d.path("text").asString() + "\u0007")));
		cases.add(report(400, d -> d.put("title", "长".repeat(5_000))));
		cases.add(report(400, d -> {
			var aliases = ((ObjectNode) d.withObject("entities").withArray("people").get(0)).putArray("aliases");
			for (int i = 0; i < 100; i++) {
				aliases.add("alias " + i);
			}
		}));
		// Aliases within the schema's limits whose folded names overflow the search
		// index.
		cases.add(report(400, d -> {
			var aliases = ((ObjectNode) d.withObject("entities").withArray("people").get(0)).putArray("aliases");
			for (int i = 0; i < 20; i++) {
				aliases.add("别".repeat(1000) + i);
			}
		}));
		// Half a surrogate pair is no character, however it is escaped.
		cases.add(post(secondReportFixture().replace("\"测试周报（TEST FIXTURE", "\"\\ud800测试周报（TEST FIXTURE"), 400));
		cases.add(post(secondReportFixture().replace("\"Test Fixture Analyst\"", "\"Test \\udfff Analyst\""), 400));
		cases.add(post(secondReportFixture().replace("\"Test Fixture Analyst\"", "\"Test \\udc00\\ud800 Analyst\""),
				400));
		// Reads: malformed codes and parameters, injection in paths.
		cases.add(get("/api/stocks/3004599/exposure", 400));
		cases.add(get("/api/stocks/300459.XX/exposure", 400));
		cases.add(get("/api/stocks/SZ30045/exposure", 400));
		cases.add(get("/api/stocks/' OR 1=1 RETURN c //exposure", 400));
		cases.add(get("/api/stocks/' OR 1=1 RETURN c/exposure", 404));
		cases.add(get("/api/technologies/x'}) DETACH DELETE n //stocks", 400));
		cases.add(get("/api/technologies/x'}) DETACH DELETE n/stocks", 404));
		cases.add(get("/api/themes/\"]) MATCH (n) DETACH DELETE n/stocks", 404));
		cases.add(get("/api/reports/x'}) DETACH DELETE n", 404));
		cases.add(get("/api/search?q=\u0000", 400));
		cases.add(get("/api/search?q=\u3000", 400));
		cases.add(get("/api/search?q=" + "a".repeat(101), 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?limit=-5", 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?limit=99999", 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?evidenceLimit=0", 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?evidenceLimit=many", 400));
		cases.add(get("/api/technologies/sora/stocks?pathLimit=0", 400));
		cases.add(get("/api/stocks/300459/exposure?pathLimit=many", 400));
		cases.add(get("/api/search?q=sora&limit=501", 400));
		cases.add(get("/api/search?q=sora&skip=100001", 400));
		cases.add(get("/api/stocks/300459/exposure?themeLimit=501", 400));
		cases.add(get("/api/reports?since=2024-02-30", 400));
		cases.add(get("/api/technologies/sora/stocks?since=2025-02-01&until=2025-01-01", 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?sort=oldest", 400));
		cases.add(get("/api/technologies/sora/stocks?skip=abc", 400));
		cases.add(new Case("DELETE", "/api/reports/x'}) DETACH DELETE n", null, null, 404));
		// Paths the container or its firewall refuses: encoded slashes and backslashes,
		// bad
		// escapes, raw characters a URL may not hold; and a method a path does not take.
		cases.add(raw("/api/themes/ai-video-tools%2Fstocks", 400));
		cases.add(raw("/api/stocks/300459%2fexposure", 400));
		cases.add(raw("/api/reports/tebon-2024-03-sora%5Ctext", 400));
		cases.add(raw("/api/themes/%zz/stocks", 400));
		cases.add(raw("/api/reports/a\\b", 400));
		cases.add(new Case("DELETE", "/api/reports/x%2F..%2F" + SEED_REPORT, null, null, 400, true));
		cases.add(new Case("PUT", "/api/reports/" + SEED_REPORT, "application/json", "{}", 405));
		cases.add(new Case("PATCH", "/api/reports", "application/json", "{}", 405));
		// Query strings that are not percent-encoded UTF-8, on any endpoint.
		for (var query : MALFORMED_QUERIES) {
			for (var path : List.of("/actuator/health", "/api/search", "/api/themes")) {
				cases.add(raw(path + "?" + query, 400));
			}
		}
		// Paging: out of range, past any int, or overflowing skip + limit in the query.
		for (var path : PAGED) {
			cases.add(get(path + "?skip=2147483600", 400));
			cases.add(get(path + "?skip=" + (Page.MAX_SKIP + 1), 400));
			cases.add(get(path + "?skip=-1", 400));
			cases.add(get(path + "?limit=0", 400));
			cases.add(get(path + "?limit=501", 400));
			cases.add(get(path + "?limit=99999999999999999999", 400));
			cases.add(get(path + "?skip=99999999999999999999", 400));
		}
		cases.add(get("/api/search?q=sora&limit=99999999999999999999", 400));
		// Well-formed, but more parameters than Tomcat decodes (1,000).
		cases.add(get("/api/search?q=sora" + "&a=1".repeat(1_000), 400));
		cases.add(get("/api/themes/ai-video-tools/stocks?evidenceLimit=99999999999999999999", 400));
		return cases.stream().map(c -> Arguments.of(c));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("cases")
	void answersAProblemAndChangesNothing(Case input) {
		var before = snapshot();
		var response = input.raw() ? raw(input.method(), input.path())
				: send(input.method(), input.path(), input.contentType(), input.body(), "X-API-Key", TEST_API_KEY);
		assertThat(response.status()).as(response.text()).isEqualTo(input.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(input.status());
		assertThat(response.body().path("title").asString()).isNotBlank();
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aQueryStringThatIsNotUtf8IsA400NamingTheFaultAndNoErrorInTheLog(CapturedOutput log) {
		var truncated = raw("GET", "/actuator/health?q=a%");
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/bad-query-string");
		assertThat(truncated.body().path("detail").asString()).contains("'%' at character 4");
		var notUtf8 = raw("GET", "/api/search?q=%FF%FE");
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.body().path("detail").asString()).contains("do not decode as UTF-8");
		assertThat(notUtf8.body().path("instance").asString()).isEqualTo("/api/search");
		assertThat(log.getAll()).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException");
		// Well-formed escapes of any script still pass.
		assertThat(raw("GET", "/api/search?q=%E6%B1%A4%E5%A7%86%E7%8C%AB+x").status()).isEqualTo(200);
	}

	@Test
	void aPagingParameterOutOfRangeIsA400NamingItAndItsRange() {
		var skip = get("/api/technologies/sora/stocks?skip=2147483600");
		assertThat(skip.status()).isEqualTo(400);
		assertThat(skip.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/bad-parameter");
		assertThat(skip.body().path("detail").asString()).isEqualTo("skip must be from 0 to 100000; was 2147483600");
		assertThat(skip.body().path("parameters").get(0).asString()).isEqualTo("skip");
		var limit = get("/api/stocks/300459/exposure?limit=99999999999999999999");
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.body().path("detail").asString())
			.isEqualTo("limit must be a whole number, from 1 to 500; was \"99999999999999999999\"");
		var both = get("/api/themes/ai-video-tools/stocks?skip=-1&limit=501");
		assertThat(both.body().path("detail").asString())
			.isEqualTo("skip must be from 0 to 100000; was -1; limit must be from 1 to 500; was 501");
		// The deepest page allowed answers, empty.
		var deepest = get("/api/technologies/sora/stocks?skip=" + Page.MAX_SKIP + "&limit=" + Page.MAX_LIMIT);
		assertThat(deepest.status()).isEqualTo(200);
		assertThat(deepest.body().path("items").size()).isZero();
		assertThat(deepest.body().path("total").asInt()).isEqualTo(25);
	}

	/** A body's bytes and what it declares them to be. */
	record Bytes(String contentType, byte[] body, int status, String type) {

		@Override
		public String toString() {
			return contentType + " " + body.length + " bytes";
		}

	}

	static Stream<Bytes> wronglyEncodedBodies() {
		var utf8 = secondReportFixture().getBytes(StandardCharsets.UTF_8);
		var unsupported = "https://themegraph.example/problems/unsupported-charset";
		var unreadable = "https://themegraph.example/problems/unreadable";
		var invalid = "https://themegraph.example/problems/invalid-document";
		return Stream.of(new Bytes("application/json; charset=ISO-8859-1", utf8, 415, unsupported),
				new Bytes("application/json; charset=windows-1252", utf8, 415, unsupported),
				new Bytes("application/json; charset=UTF-16", utf8, 415, unsupported),
				new Bytes("application/json; charset=UTF-16", secondReportFixture().getBytes(StandardCharsets.UTF_16),
						415, unsupported),
				new Bytes("application/json; charset=UTF-32", utf8, 415, unsupported),
				new Bytes("application/json; charset=no-such-charset", utf8, 415, null),
				// Bytes that are not UTF-8: one UTF-8 never uses, half a character, an
				// encoded surrogate.
				new Bytes("application/json", replaceTitle(new byte[] { (byte) 0xFF }), 400, unreadable),
				new Bytes("application/json; charset=utf-8", replaceTitle(new byte[] { (byte) 0xE6, (byte) 0xB1 }), 400,
						unreadable),
				new Bytes("application/json", replaceTitle(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }), 400,
						null),
				// UTF-8 declared in any spelling is read: this document lacks its title.
				new Bytes("application/json; charset=\"UTF-8\"", withoutTitle(), 400, invalid),
				new Bytes("application/json;charset=utf8", withoutTitle(), 400, invalid));
	}

	/** The fixture with its title's value replaced by these bytes. */
	static byte[] replaceTitle(byte[] title) {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		document.put("title", "TITLE");
		var parts = document.toString().split("TITLE", 2);
		var out = new java.io.ByteArrayOutputStream();
		out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
		out.writeBytes(title);
		out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	static byte[] withoutTitle() {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		document.remove("title");
		return document.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * PDFs that give no text, sent to the extractor: each a problem saying why, nothing
	 * written (made with the CJK test font; skipped without it, failed under CI=true).
	 */
	static Stream<Bytes> badPdfs() {
		var pdf = TestPdfs.pages(List.of(List.of("传媒行业周报", "建议关注：【万兴科技，美图公司】等。")));
		var unreadable = "https://themegraph.example/problems/pdf-unreadable";
		return Stream.of(
				new Bytes("application/pdf", TestPdfs.encrypted(pdf, "user-secret"), 400,
						"https://themegraph.example/problems/pdf-encrypted"),
				new Bytes("application/pdf", java.util.Arrays.copyOf(pdf, pdf.length / 3), 400, unreadable),
				new Bytes("application/pdf", "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII), 400,
						unreadable),
				new Bytes("application/pdf", "{\"text\": \"not a pdf\"}".getBytes(StandardCharsets.US_ASCII), 400,
						unreadable),
				new Bytes("application/pdf", new byte[0], 400, "https://themegraph.example/problems/bad-request"),
				new Bytes("application/pdf", TestPdfs.blankPage(), 422,
						"https://themegraph.example/problems/pdf-no-text"),
				new Bytes("application/pdf", TestPdfs.scanned(), 422,
						"https://themegraph.example/problems/pdf-no-text"),
				new Bytes("text/plain", TestPdfs.scanned(), 422, "https://themegraph.example/problems/pdf-no-text"));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("badPdfs")
	void aPdfThatGivesNoTextIsAProblemAndNothingIsWritten(Bytes input) {
		var before = snapshot();
		var response = sendBytes("POST", "/api/reports/extract", input.contentType(), input.body());
		assertThat(response.status()).as(response.text()).isEqualTo(input.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("type").asString()).isEqualTo(input.type());
		assertThat(response.body().path("detail").asString()).isNotBlank();
		assertSameGraph(snapshot(), before, "the graph");
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("wronglyEncodedBodies")
	void aJsonBodyIsUtf8OrRefusedAndNothingIsWritten(Bytes input) {
		var before = snapshot();
		var response = sendBytes("POST", "/api/reports", input.contentType(), input.body(), "X-API-Key", TEST_API_KEY);
		assertThat(response.status()).as(response.text()).isEqualTo(input.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (input.type() != null) {
			assertThat(response.body().path("type").asString()).isEqualTo(input.type());
		}
		assertSameGraph(snapshot(), before, "the graph");
	}

	/**
	 * A client that sends its whole 12 MB body before it reads the answer (as
	 * java.net.http does) still reads the 413: Tomcat reads and discards the rest of the
	 * body instead of resetting the connection. Both with a declared length (refused
	 * before the body is read) and chunked (refused while reading), each a few times,
	 * since a reset depends on timing.
	 */
	@Test
	void aClientSendingTwelveMegabytesReadsThe413() throws Exception {
		// One long JSON string, so the parser reads on until the limit stops it.
		var body = new byte[12 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'x');
		System.arraycopy("{\"text\": \"".getBytes(StandardCharsets.UTF_8), 0, body, 0, 10);
		try (var client = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build()) {
			for (int i = 0; i < 3; i++) {
				for (var publisher : List.of(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body),
						java.net.http.HttpRequest.BodyPublishers
							.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))) {
					var request = java.net.http.HttpRequest.newBuilder(uri("/api/reports"))
						.header("Content-Type", "application/json")
						.header("X-API-Key", TEST_API_KEY)
						.POST(publisher)
						.build();
					var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).isEqualTo(413);
					assertThat(response.headers().firstValue("Content-Type").orElseThrow())
						.startsWith("application/problem+json");
					assertThat(response.body()).contains("over the limit of 8388608 bytes");
				}
			}
		}
	}

	@Test
	void halfASurrogatePairIsRefusedWithItsPointer() {
		var response = send("POST", "/api/reports", "application/json",
				secondReportFixture().replace("\"Test Fixture Analyst\"", "\"Test \\ud800 Analyst\""), "X-API-Key",
				TEST_API_KEY);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("violations").get(0).path("pointer").asString())
			.isEqualTo("/entities/people/0/nameEn");
		assertThat(response.body().path("violations").get(0).path("message").asString())
			.contains("half of a UTF-16 surrogate pair");
	}

	@Test
	void atLeastFortyCases() {
		assertThat(cases().count()).isGreaterThanOrEqualTo(40);
	}

	@Test
	void injectionInSearchTextIsJustTextThatMatchesNothing() {
		var before = snapshot();
		for (var q : List.of("') DETACH DELETE n //", "\" OR 1=1 //", "$q}) MATCH (n) RETURN n")) {
			var response = send("GET", "/api/search?q=" + q, null, null);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body().path("items").size()).isZero();
			assertThat(response.body().path("total").asInt()).isZero();
		}
		assertSameGraph(snapshot(), before, "the graph");
	}

}
