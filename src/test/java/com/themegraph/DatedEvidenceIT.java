package com.themegraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static com.themegraph.ApiIT.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence with its report's date, the since / until window, sort=newest and the CSV
 * answers, over the seed report (published between 2024-03-10 and 2024-03-26) and an
 * invented one of this test's own (2025-06-01, broker 测试日期证券, recommending 汤姆猫 under
 * ai-video-tools with a quote holding a comma, double quotes and Markdown {@code **}),
 * removed again after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatedEvidenceIT extends GraphIT {

	static final String DATED = "test-fixture-dated-report";

	/** The quote as evidence shows it: the {@code **} of the report text gone. */
	static final String PLAIN_QUOTE = "\"AI 陪伴\", 数字人 需求有望提升";

	@BeforeAll
	void loadTheDatedReport() {
		var loaded = send("POST", "/api/reports", "application/json", fixture(), "X-API-Key", TEST_API_KEY);
		assertThat(loaded.status()).as(loaded.text()).isEqualTo(201);
	}

	@AfterAll
	void removeTheDatedReport() {
		assertThat(send("DELETE", "/api/reports/" + DATED, null, null, "X-API-Key", TEST_API_KEY).status())
			.isEqualTo(204);
	}

	@Test
	void themeEvidenceCarriesTheReportsTitleBrokerAndDateNewestFirst() {
		var stocks = get("/api/themes/ai-video-tools/stocks").body();
		assertThat(stocks.path("total").asInt()).isEqualTo(5);
		var tomCat = stocks.path("items").get(2);
		assertThat(tomCat.path("code").asString()).isEqualTo("300459.SZ");
		assertThat(tomCat.path("evidenceTotal").asInt()).isEqualTo(2);
		var newest = tomCat.path("evidence").get(0);
		assertThat(newest.path("report").asString()).isEqualTo(DATED);
		assertThat(newest.path("reportTitle").asString()).isEqualTo("测试月报：AI 陪伴（TEST FIXTURE，非真实研报）");
		assertThat(newest.path("broker").asString()).isEqualTo("测试日期证券");
		assertThat(newest.path("publishedEarliest").asString()).isEqualTo("2025-06-01");
		assertThat(newest.path("publishedLatest").asString()).isEqualTo("2025-06-01");
		assertThat(newest.path("publishedPrecision").asString()).isEqualTo("day");
		assertThat(newest.path("quote").asString()).isEqualTo(PLAIN_QUOTE);
		assertThat(newest.path("sentence").asString()).isEqualTo("我们认为，Sora 等视频模型带动 AI 陪伴内容，\"AI 陪伴\", 数字人 需求有望提升。");
		var seed = tomCat.path("evidence").get(1);
		assertThat(seed.path("report").asString()).isEqualTo(SEED_REPORT);
		assertThat(seed.path("broker").asString()).isEqualTo("德邦证券");
		assertThat(seed.path("publishedEarliest").asString()).isEqualTo("2024-03-10");
		assertThat(seed.path("publishedLatest").asString()).isEqualTo("2024-03-26");
		assertThat(seed.path("publishedPrecision").asString()).isEqualTo("range");
		// The seed text bolds this run: the sentence quoted from it is plain text now.
		assertThat(seed.path("sentence").asString())
			.isEqualTo("建议关注 AI 视频技术与工具及落地应用场景相关公司：【万兴科技，昆仑万维，美图公司，汤姆猫，风语筑等】等。");
		// The stored report text stays verbatim.
		assertThat(get("/api/reports/" + DATED + "/text").text()).contains("**\"AI 陪伴\", 数字人**");
	}

	@Test
	void sinceAndUntilKeepTheReportsWhosePublicationRangeOverlapsThem() {
		var since = get("/api/themes/ai-video-tools/stocks?since=2025-01-01").body();
		assertThat(since.path("total").asInt()).isEqualTo(2);
		assertThat(texts(since.path("items"), "code")).containsExactly("300624.SZ", "300459.SZ");
		assertThat(since.path("items").get(1).path("evidenceTotal").asInt()).isEqualTo(1);
		assertThat(texts(since.path("items").get(1).path("evidence"), "report")).containsExactly(DATED);
		// The seed report's range ends 2024-03-26 and starts 2024-03-10: both ends count.
		assertThat(
				get("/api/themes/ai-video-tools/stocks?since=2024-03-26&until=2024-12-31").body().path("total").asInt())
			.isEqualTo(5);
		assertThat(get("/api/themes/ai-video-tools/stocks?until=2024-03-10").body().path("total").asInt()).isEqualTo(5);
		var before = get("/api/themes/ai-video-tools/stocks?until=2024-03-09");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.body().path("total").asInt()).isZero();
		assertThat(before.body().path("items").size()).isZero();

		var reports = get("/api/reports?since=2025-06-01&until=2025-06-01").body();
		assertThat(reports.path("total").asInt()).isEqualTo(1);
		assertThat(texts(reports.path("items"), "id")).containsExactly(DATED);
		assertThat(texts(get("/api/reports").body().path("items"), "id")).containsExactly(DATED, SEED_REPORT);
		assertThat(texts(get("/api/reports?until=2024-12-31").body().path("items"), "id")).containsExactly(SEED_REPORT);

		var technology = get("/api/technologies/sora/stocks?since=2025-01-01").body();
		assertThat(technology.path("total").asInt()).isEqualTo(2);
		assertThat(texts(technology.path("items"), "code")).containsExactlyInAnyOrder("300624.SZ", "300459.SZ");
		for (var stock : technology.path("items")) {
			for (var path : stock.path("paths")) {
				var recommends = path.path("steps").get(0);
				assertThat(recommends.path("type").asString()).isEqualTo("RECOMMENDS");
				assertThat(recommends.path("report").asString()).isEqualTo(DATED);
				assertThat(recommends.path("publishedLatest").asString()).isEqualTo("2025-06-01");
			}
		}
		assertThat(get("/api/technologies/sora/stocks").body().path("total").asInt()).isEqualTo(25);

		var exposure = get("/api/stocks/汤姆猫/exposure?since=2025-01-01").body();
		assertThat(exposure.path("themes").path("total").asInt()).isEqualTo(1);
		assertThat(exposure.path("themes").path("items").get(0).path("report").asString()).isEqualTo(DATED);
		assertThat(exposure.path("themes").path("items").get(0).path("broker").asString()).isEqualTo("测试日期证券");
		assertThat(exposure.path("exposures").path("total").asInt()).isPositive();
		exposure.path("exposures")
			.path("items")
			.forEach(item -> item.path("paths")
				.forEach(path -> assertThat(path.path("steps").get(0).path("report").asString()).isEqualTo(DATED)));
		assertThat(get("/api/stocks/汤姆猫/exposure").body().path("themes").path("total").asInt()).isEqualTo(3);
	}

	@Test
	void newestFirstPutsTheStockWithTheLatestReportFirstAndKeepsTheRankingForTies() {
		// The theme's order: each stock's first place in any report's list (汤姆猫 second in
		// the
		// dated report, fourth in the seed; a tie with 昆仑万维 goes by code).
		var ranked = texts(get("/api/themes/ai-video-tools/stocks").body().path("items"), "code");
		assertThat(ranked).containsExactly("300624.SZ", "300418.SZ", "300459.SZ", "1357.HK", "603466.SH");
		assertThat(texts(get("/api/themes/ai-video-tools/stocks?sort=newest").body().path("items"), "code"))
			.containsExactly("300624.SZ", "300459.SZ", "300418.SZ", "1357.HK", "603466.SH");
		var newest = texts(get("/api/technologies/sora/stocks?sort=newest&limit=500").body().path("items"), "code");
		var byScore = texts(get("/api/technologies/sora/stocks?limit=500").body().path("items"), "code");
		var dated = List.of("300624.SZ", "300459.SZ");
		var expected = new ArrayList<>(byScore.stream().filter(dated::contains).toList());
		expected.addAll(byScore.stream().filter(code -> !dated.contains(code)).toList());
		// Here the two dated stocks lead by score too; the theme's order above is the one
		// newest reorders.
		assertThat(newest).hasSize(25).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/themes/ai-video-tools/stocks", "/api/technologies/sora/stocks",
			"/api/stocks/300459.SZ/exposure", "/api/reports" })
	void badDatesAndAnEmptyWindowAnswer400NamingTheParameter(String list) {
		var month = get(list + "?since=2024-13-01");
		assertThat(month.status()).isEqualTo(400);
		assertThat(month.contentType()).startsWith("application/problem+json");
		assertThat(month.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/bad-parameter");
		assertThat(month.body().path("detail").asString())
			.isEqualTo("since must be an ISO date, YYYY-MM-DD (such as 2024-03-01); was \"2024-13-01\"");
		assertThat(month.body().path("parameters").size()).isEqualTo(1);
		assertThat(month.body().path("parameters").get(0).asString()).isEqualTo("since");
		var words = get(list + "?until=yesterday");
		assertThat(words.status()).isEqualTo(400);
		assertThat(words.body().path("parameters").get(0).asString()).isEqualTo("until");
		var backwards = get(list + "?since=2025-02-01&until=2025-01-31");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body().path("detail").asString())
			.isEqualTo("since must be on or before until; was since=2025-02-01, until=2025-01-31");
		assertThat(backwards.body().path("parameters").get(0).asString()).isEqualTo("since");
		assertThat(backwards.body().path("parameters").get(1).asString()).isEqualTo("until");
		if (!list.equals("/api/reports")) {
			var sort = get(list + "?sort=oldest");
			assertThat(sort.status()).isEqualTo(400);
			assertThat(sort.body().path("detail").asString()).isEqualTo("sort must match \"rank|newest\"");
		}
	}

	@Test
	void themeStocksAsCsvWithBomHeaderChineseNamesAndQuotedQuotes() {
		var csv = csv("/api/themes/ai-video-tools/stocks?format=csv", null);
		var records = csv.records();
		assertThat(records.get(0)).containsExactly("rank", "code", "exchange", "name", "nameEn", "evidenceTotal",
				"report", "reportTitle", "broker", "published", "quote");
		// One row per quote: five stocks, 万兴科技 and 汤姆猫 with two each.
		assertThat(records).hasSize(1 + 7);
		assertThat(records.get(4)).containsExactly("3", "300459.SZ", "SZ", "汤姆猫", "Zhejiang Jinke Tom Culture Industry",
				"2", DATED, "测试月报：AI 陪伴（TEST FIXTURE，非真实研报）", "测试日期证券", "2025-06-01", PLAIN_QUOTE);
		assertThat(records.get(5).get(9)).isEqualTo("2024-03-10/2024-03-26");
		// RFC 4180: the field quoted, its quotes doubled.
		assertThat(csv.text()).contains(",\"\"\"AI 陪伴\"\", 数字人 需求有望提升\"\r\n");
	}

	@Test
	void technologyStocksAndExposureAsCsvByTheAcceptHeader() {
		var technology = csv("/api/technologies/sora/stocks?since=2025-01-01", "text/csv").records();
		assertThat(technology.get(0)).containsExactly("rank", "code", "exchange", "name", "nameEn", "score", "paths",
				"path", "pathKind", "weight", "step", "from", "to", "report", "reportTitle", "broker", "published",
				"quote");
		var items = get("/api/technologies/sora/stocks?since=2025-01-01").body().path("items");
		var json = items.get(0);
		int steps = 0;
		for (var item : items) {
			for (var path : item.path("paths")) {
				steps += path.path("steps").size();
			}
		}
		assertThat(technology).hasSize(1 + steps);
		var first = json.path("paths").get(0).path("steps").get(0);
		assertThat(technology.get(1)).containsExactly("1", json.path("code").asString(), "SZ",
				json.path("name").asString(), json.path("nameEn").asString(), json.path("score").asString(),
				String.valueOf(json.path("paths").size()), "1", json.path("paths").get(0).path("kind").asString(),
				json.path("paths").get(0).path("weight").asString(), "RECOMMENDS", "AI 视频技术与工具及落地应用场景",
				json.path("name").asString(), DATED, "测试月报：AI 陪伴（TEST FIXTURE，非真实研报）", "测试日期证券", "2025-06-01",
				first.path("quote").asString());
		var tomCat = technology.stream().filter(row -> row.get(1).equals("300459.SZ")).findFirst().orElseThrow();
		assertThat(tomCat.get(3)).isEqualTo("汤姆猫");
		assertThat(tomCat.get(17)).isEqualTo(PLAIN_QUOTE);

		var exposure = csv("/api/stocks/300459.SZ/exposure?limit=2", "text/csv").records();
		assertThat(exposure.get(0).subList(0, 8)).containsExactly("rank", "stock", "stockName", "id", "kind", "name",
				"nameEn", "score");
		assertThat(exposure.get(1).subList(0, 3)).containsExactly("1", "300459.SZ", "汤姆猫");
		assertThat(exposure.stream().skip(1).map(row -> row.get(0))).containsOnly("1", "2");
	}

	@Test
	void aClientThatAcceptsBothGetsTheTypeItListsFirst() {
		for (var path : List.of("/api/themes/ai-video-tools/stocks", "/api/technologies/sora/stocks",
				"/api/stocks/300459.SZ/exposure")) {
			assertThat(csvResponse(path, "application/json, text/csv").headers().firstValue("Content-Type")).as(path)
				.hasValue("application/json");
			assertThat(csvResponse(path, "text/csv, application/json").headers().firstValue("Content-Type")).as(path)
				.hasValue("text/csv;charset=UTF-8");
		}
	}

	@Test
	void aFormatNoListGivesIsAProblemWithItsType() {
		for (var path : List.of("/api/themes/ai-video-tools/stocks?format=xml", "/api/themes?format=csv")) {
			var response = csvResponse(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(406);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path)
				.contains("\"type\":\"https://themegraph.example/problems/not-acceptable\"");
		}
	}

	@Test
	void csvErrorsAreStillProblemDetails() {
		var response = csvResponse("/api/themes/ai-video-tools/stocks?limit=501", "text/csv");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static String fixture() {
		try {
			return new ClassPathResource("fixtures/test-fixture-dated-report.json")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
