package com.themegraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second report arrives over HTTP: it recommends 万兴科技 again, under a new theme and
 * under the seed report's AI-video-tools theme. The fixture is plainly a test fixture,
 * and is removed after each test, leaving the shared graph as the seed data made it.
 */
class ReportIngestIT extends GraphIT {

	static final String FIXTURE = "test-fixture-second-report";

	static final String JSON = "application/json";

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	@AfterEach
	void removeFixture() {
		loader.delete(FIXTURE);
	}

	Response post(String body, String... headers) {
		return send("POST", "/api/reports", JSON, body, headers);
	}

	static String[] apiKey() {
		return new String[] { "X-API-Key", TEST_API_KEY };
	}

	@Test
	void writesWithoutValidCredentialsAnswer401AndWriteNothing() throws IOException {
		var before = snapshot();
		var none = post(secondReportFixture());
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(none.body().path("title").asString()).isEqualTo("Credentials required");
		assertThat(post(secondReportFixture(), "X-API-Key", "wrong").status()).isEqualTo(401);
		var basicWrong = "Basic " + Base64.getEncoder().encodeToString("writer:wrong".getBytes(StandardCharsets.UTF_8));
		assertThat(post(secondReportFixture(), "Authorization", basicWrong).status()).isEqualTo(401);
		assertThat(send("DELETE", "/api/reports/" + SEED_REPORT, null, null).status()).isEqualTo(401);
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void aNewReportAnswers201WithLocationAndTheSameAgainChangesNothing() throws IOException {
		var created = post(secondReportFixture(), apiKey());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text()).contains("\"outcome\":\"NEW\"");
		var afterFirst = snapshot();
		var again = post(secondReportFixture(), apiKey());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("outcome").asString()).isEqualTo("UNCHANGED");
		assertSameGraph(snapshot(), afterFirst, "the graph");
		assertThat(get("/api/reports").body().path("total").asInt()).isEqualTo(2);
		// Newest first, a page at a time: the fixture (2024-04-01), then the seed report.
		assertThat(get("/api/reports?limit=1").body().path("items").findValuesAsString("id")).containsExactly(FIXTURE);
		assertThat(get("/api/reports?skip=1&limit=1").body().path("items").findValuesAsString("id"))
			.containsExactly(SEED_REPORT);
		assertThat(get("/api/reports/" + FIXTURE).body().path("broker").asString()).isEqualTo("测试证券");
	}

	@Test
	void locationHeaderPointsAtTheNewReport() throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(uri("/api/reports"))
			.header("Content-Type", JSON)
			.header("X-API-Key", TEST_API_KEY)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(secondReportFixture()))
			.build();
		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/reports/" + FIXTURE);
	}

	@Test
	void theKnownCompanyShowsBothReportsAndThemesCountItOnceWithAllItsEvidence() throws IOException {
		assertThat(post(secondReportFixture(), apiKey()).status()).isEqualTo(201);

		var exposure = get("/api/stocks/300624.SZ/exposure").body();
		var reports = new HashSet<String>();
		exposure.path("themes").path("items").forEach(theme -> reports.add(theme.path("report").asString()));
		assertThat(reports).containsExactlyInAnyOrder(SEED_REPORT, FIXTURE);
		var themes = new HashSet<String>();
		exposure.path("themes").path("items").forEach(theme -> themes.add(theme.path("id").asString()));
		assertThat(themes).containsExactlyInAnyOrder("ai-video-tools", "test-fixture-aigc-software");

		var tools = get("/api/themes/ai-video-tools/stocks").body();
		assertThat(tools.path("total").asInt()).isEqualTo(5);
		var wondershare = tools.path("items").get(0);
		assertThat(wondershare.path("code").asString()).isEqualTo("300624.SZ");
		assertThat(wondershare.path("evidenceTotal").asInt()).isEqualTo(2);
		// Newest report first: the fixture (2024-04-01) before the seed (March 2024).
		assertThat(wondershare.path("evidence").findValuesAsString("quote")).containsExactly("【万兴科技】",
				"【万兴科技，昆仑万维，美图公司，汤姆猫，风语筑等】");
		var newestOnly = get("/api/themes/ai-video-tools/stocks?limit=1&evidenceLimit=1").body().path("items").get(0);
		assertThat(newestOnly.path("evidenceTotal").asInt()).isEqualTo(2);
		assertThat(newestOnly.path("evidence").findValuesAsString("report")).containsExactly(FIXTURE);

		var summary = get("/api/themes").body().path("items");
		assertThat(summary.size()).isEqualTo(5);
		summary.forEach(theme -> {
			if (theme.path("id").asString().equals("ai-video-tools")) {
				assertThat(theme.path("stocks").asInt()).isEqualTo(5);
				assertThat(theme.path("recommendations").asInt()).isEqualTo(6);
				assertThat(theme.path("reports").size()).isEqualTo(2);
			}
		});

		// Both reports are about Sora and recommend 万兴科技 and 美图公司: each gains a
		// report-level
		// path, and the two now lead the ranking together (theme paths count once per
		// theme).
		var sora = get("/api/technologies/sora/stocks").body().path("items");
		assertThat(List.of(sora.get(0).path("code").asString(), sora.get(1).path("code").asString()))
			.containsExactlyInAnyOrder("300624.SZ", "1357.HK");
		assertThat(sora.get(0).path("score").asInt()).isEqualTo(sora.get(1).path("score").asInt())
			.isGreaterThan(sora.get(2).path("score").asInt());
		for (int i = 0; i < 2; i++) {
			assertThat(sora.get(i).path("paths").findValuesAsString("report")).contains(SEED_REPORT, FIXTURE);
		}
	}

	@Test
	void anUpdatedReportReplacesItsOwnEdgesAndLeavesTheSeedReportsAlone() throws IOException {
		assertThat(post(secondReportFixture(), apiKey()).status()).isEqualTo(201);
		var seedEdges = count("MATCH ()-[e {source: 'tebon-2024-03-sora'}]->() RETURN count(e)");
		var updated = (ObjectNode) json.readTree(secondReportFixture());
		updated.put("title", "测试周报（TEST FIXTURE，修订版）");
		var companies = (ArrayNode) updated.withArray("themes").get(0).withArray("companies");
		companies.remove(1);
		var basic = "Basic "
				+ Base64.getEncoder().encodeToString(("writer:" + TEST_API_KEY).getBytes(StandardCharsets.UTF_8));
		var response = post(updated.toString(), "Authorization", basic);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("outcome").asString()).isEqualTo("UPDATED");
		assertThat(count("MATCH ()-[e {source: 'tebon-2024-03-sora'}]->() RETURN count(e)")).isEqualTo(seedEdges);
		var members = get("/api/themes/test-fixture-aigc-software/stocks").body()
			.path("items")
			.findValuesAsString("code");
		assertThat(members).containsExactly("300624.SZ");
		assertThat(get("/api/reports/" + FIXTURE).body().path("title").asString()).isEqualTo("测试周报（TEST FIXTURE，修订版）");
	}

	@Test
	void deletingTheReportRestoresTheGraphExactly() throws IOException {
		var before = snapshot();
		assertThat(post(secondReportFixture(), apiKey()).status()).isEqualTo(201);
		assertThat(snapshot()).isNotEqualTo(before);
		assertThat(send("DELETE", "/api/reports/" + FIXTURE, null, null, apiKey()).status()).isEqualTo(204);
		assertSameGraph(snapshot(), before, "the graph");
		assertThat(send("DELETE", "/api/reports/" + FIXTURE, null, null, apiKey()).status()).isEqualTo(404);
	}

	@Test
	void anInvalidDocumentAnswers400WithEveryViolationAndWritesNothing() throws IOException {
		var before = snapshot();
		var broken = (ObjectNode) json.readTree(secondReportFixture());
		broken.remove("title");
		broken.put("rating", 3);
		((ObjectNode) broken.withArray("themes").get(0).withArray("companies").get(0)).put("code", "300624");
		var response = post(broken.toString(), apiKey());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("violations").findValuesAsString("pointer")).contains("", "/rating",
				"/themes/0/companies/0/code");
		assertThat(post("{not json", apiKey()).status()).isEqualTo(400);
		assertSameGraph(snapshot(), before, "the graph");
	}

	/**
	 * The size PlanBuilder allows is what the real text index takes: names folding to
	 * exactly that many bytes load and are found; one byte more is refused before
	 * anything is written.
	 */
	@Test
	void namesFillingTheSearchIndexToItsLimitLoadAndOneByteMoreIsRefused() throws IOException {
		var before = snapshot();
		var over = post(PlanBuilderTests.brokerWithSearchTextOf(PlanBuilder.TEXT_INDEX_MAX_BYTES + 1).toString(),
				apiKey());
		assertThat(over.status()).isEqualTo(400);
		assertThat(over.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/invalid-document");
		assertThat(over.body().path("violations").get(0).path("pointer").asString())
			.isEqualTo("/entities/organizations/0");
		assertSameGraph(snapshot(), before, "the graph");
		var atLimit = post(PlanBuilderTests.brokerWithSearchTextOf(PlanBuilder.TEXT_INDEX_MAX_BYTES).toString(),
				apiKey());
		assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(201);
		assertThat(get("/api/search?q=测试证券").body().path("items").findValuesAsString("id"))
			.contains("test-fixture-broker");
	}

	@Test
	void aReportNamingUnknownEntitiesIsRefusedWithTheirNames() throws IOException {
		var before = snapshot();
		var unknown = (ObjectNode) json.readTree(secondReportFixture());
		((ObjectNode) unknown.withArray("themes").get(0).withArray("companies").get(1)).put("code", "600947.SH");
		((ObjectNode) unknown.withArray("about").get(0)).put("entity", "hyper-video");
		var response = post(unknown.toString(), apiKey());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("violations").findValuesAsString("message"))
			.anySatisfy(message -> assertThat(message).contains("unknown id \"600947.SH\""))
			.anySatisfy(message -> assertThat(message).contains("unknown id \"hyper-video\""));
		assertSameGraph(snapshot(), before, "the graph");
	}

}
