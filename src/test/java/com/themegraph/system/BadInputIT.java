package com.themegraph.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests and report documents, each answered with a 4xx problem, and each leaving
 * every node and relationship exactly as it was. Writes carry valid credentials, so what is
 * tested is the input, not the authentication.
 */
class BadInputIT extends GraphIT {

	static final JsonMapper json = JsonMapper.builder().build();

	record Case(String method, String path, String contentType, String body, int status) {

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

	static ObjectNode theme(ObjectNode document, int index) {
		return (ObjectNode) document.withArray("themes").get(index);
	}

	static ObjectNode company(ObjectNode document, int theme, int index) {
		return (ObjectNode) theme(document, theme).withArray("companies").get(index);
	}

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
		cases.add(new Case("POST", "/api/reports", "application/json", "{\"text\": \"" + "字".repeat(4_000_000) + "\"}", 413));
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
		cases.add(report(400, d -> company(d, 0, 1).put("code", "600999.SH")));
		cases.add(report(400, d -> ((ObjectNode) d.withArray("about").get(0)).put("entity", "hyper-video")));
		cases.add(report(400, d -> d.withArray("facts").addObject().put("subject", "sora").put("predicate", "OWNS")
			.put("object", "aigc").put("quote", "测试风险")));
		cases.add(report(400, d -> d.withObject("entities").withArray("people").add(
				d.withObject("entities").withArray("people").get(0).deepCopy())));
		cases.add(report(400, d -> d.withObject("entities").withArray("technologies").addObject().put("id", "openai")
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
		cases.add(get("/api/technologies/sora/stocks?skip=abc", 400));
		cases.add(new Case("DELETE", "/api/reports/x'}) DETACH DELETE n", null, null, 404));
		return cases.stream().map(c -> Arguments.of(c));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("cases")
	void answersAProblemAndChangesNothing(Case input) {
		var before = snapshot();
		var response = send(input.method(), input.path(), input.contentType(), input.body(), "X-API-Key", TEST_API_KEY);
		assertThat(response.status()).as(response.text()).isEqualTo(input.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(input.status());
		assertThat(response.body().path("title").asString()).isNotBlank();
		assertThat(snapshot()).isEqualTo(before);
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
			assertThat(response.body().size()).isZero();
		}
		assertThat(snapshot()).isEqualTo(before);
	}

}
