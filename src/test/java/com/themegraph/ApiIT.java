package com.themegraph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API over the seeded graph, asserted as a dashboard or analyst would read it.
 */
class ApiIT extends GraphIT {

	static final List<String> AI_VIDEO_TOOLS = List.of("1357.HK", "300418.SZ", "300459.SZ", "300624.SZ", "603466.SH");

	@Test
	void themesListTheFourGroupsWithTheirStockCountsAndReport() {
		var response = get("/api/themes");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("total").asInt()).isEqualTo(4);
		var items = response.body().path("items");
		assertThat(texts(items, "id")).containsExactly("ai-video-tools", "ip-animation-content", "marketing-ecommerce",
				"state-media-channels");
		var counts = new ArrayList<Integer>();
		items.forEach(theme -> counts.add(theme.path("stocks").asInt()));
		assertThat(counts).containsExactly(5, 8, 7, 7);
		items.forEach(theme -> assertThat(theme.path("reports").get(0).path("id").asString()).isEqualTo(SEED_REPORT));
	}

	/**
	 * Every list answers the one list shape, {items, total, skip, limit}, and honours
	 * skip and limit.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/themes", "/api/reports", "/api/search?q=a", "/api/themes/ai-video-tools/stocks",
			"/api/technologies/sora/stocks" })
	void everyListAnswersTheOneListShape(String list) {
		var separator = list.contains("?") ? "&" : "?";
		var first = get(list + separator + "skip=0&limit=1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().propertyNames()).containsExactly("items", "total", "skip", "limit");
		assertThat(first.body().path("skip").asInt()).isZero();
		assertThat(first.body().path("limit").asInt()).isEqualTo(1);
		assertThat(first.body().path("items").size()).isEqualTo(1);
		long total = first.body().path("total").asLong();
		var pastTheEnd = get(list + separator + "skip=" + total);
		assertThat(pastTheEnd.status()).isEqualTo(200);
		assertThat(pastTheEnd.body().path("items").size()).isZero();
		assertThat(pastTheEnd.body().path("total").asLong()).isEqualTo(total);
		assertThat(pastTheEnd.body().path("limit").asInt()).isEqualTo(list.startsWith("/api/search") ? 20 : 50);
	}

	@Test
	void themesAndReportsArePaged() {
		var page = get("/api/themes?skip=1&limit=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(texts(page.body().path("items"), "id")).containsExactly("ip-animation-content",
				"marketing-ecommerce");
		assertThat(page.body().path("total").asInt()).isEqualTo(4);
		assertThat(texts(get("/api/themes?skip=3").body().path("items"), "id")).containsExactly("state-media-channels");
		var reports = get("/api/reports?limit=1").body();
		assertThat(reports.path("items").size()).isEqualTo(1);
		assertThat(reports.path("total").asInt()).isEqualTo(1);
	}

	/**
	 * Out of range anywhere: 400 naming the parameter and the range it allows (the
	 * numbers of graph.Page).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/themes", "/api/reports", "/api/search?q=a", "/api/themes/ai-video-tools/stocks",
			"/api/technologies/sora/stocks", "/api/stocks/300459.SZ/exposure" })
	void skipAndLimitOutOfRangeAnswer400NamingTheParameterAndRange(String list) {
		var separator = list.contains("?") ? "&" : "?";
		var limit = get(list + separator + "limit=501");
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.contentType()).startsWith("application/problem+json");
		assertThat(limit.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/bad-parameter");
		assertThat(limit.body().path("detail").asString()).isEqualTo("limit must be from 1 to 500; was 501");
		assertThat(limit.body().path("parameters").size()).isEqualTo(1);
		assertThat(limit.body().path("parameters").get(0).asString()).isEqualTo("limit");
		var skip = get(list + separator + "skip=100001");
		assertThat(skip.status()).isEqualTo(400);
		assertThat(skip.body().path("detail").asString()).isEqualTo("skip must be from 0 to 100000; was 100001");
		assertThat(get(list + separator + "limit=0").body().path("detail").asString())
			.isEqualTo("limit must be from 1 to 500; was 0");
	}

	@Test
	void themeStocksCarryCodeExchangeNamesAndTheQuoteThatListsThem() {
		var response = get("/api/themes/ai-video-tools/stocks");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("total").asInt()).isEqualTo(5);
		var items = response.body().path("items");
		assertThat(texts(items, "name")).containsExactly("万兴科技", "昆仑万维", "美图公司", "汤姆猫", "风语筑");
		assertThat(items.get(0).path("code").asString()).isEqualTo("300624.SZ");
		assertThat(items.get(0).path("exchange").asString()).isEqualTo("SZ");
		assertThat(items.get(2).path("code").asString()).isEqualTo("1357.HK");
		assertThat(items.get(2).path("nameEn").asString()).isEqualTo("Meitu, Inc.");
		assertThat(items.get(0).path("evidenceTotal").asInt()).isEqualTo(1);
		assertThat(items.get(0).path("evidence").size()).isEqualTo(1);
		var evidence = items.get(0).path("evidence").get(0);
		assertThat(evidence.path("report").asString()).isEqualTo(SEED_REPORT);
		assertThat(evidence.path("quote").asString()).isEqualTo("【万兴科技，昆仑万维，美图公司，汤姆猫，风语筑等】");
	}

	@Test
	void themeStocksPage() {
		var page = get("/api/themes/ip-animation-content/stocks?skip=2&limit=3").body();
		assertThat(page.path("total").asInt()).isEqualTo(8);
		assertThat(texts(page.path("items"), "name")).containsExactly("上海电影", "光线传媒", "奥飞娱乐");
	}

	@Test
	void soraRanksTheAiVideoToolsGroupFirstWithPathsThatAddUpToTheScore() {
		var response = get("/api/technologies/sora/stocks");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("total").asInt()).isEqualTo(25);
		var items = response.body().path("items");
		var top = new ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			top.add(items.get(i).path("code").asString());
		}
		assertThat(top).containsExactlyInAnyOrderElementsOf(AI_VIDEO_TOOLS);
		assertThat(items.get(4).path("score").asInt()).isGreaterThan(items.get(5).path("score").asInt());
		for (var stock : items) {
			int sum = 0;
			for (var path : stock.path("paths")) {
				sum += path.path("weight").asInt();
				assertThat(path.path("steps").get(0).path("type").asString()).isEqualTo("RECOMMENDS");
				assertThat(path.path("steps").get(0).path("to").path("id").asString())
					.isEqualTo(stock.path("code").asString());
				path.path("steps").forEach(step -> assertThat(step.path("quote").asString()).isNotBlank());
			}
			assertThat(stock.path("score").asInt()).as(stock.path("code").asString()).isEqualTo(sum);
		}
		var last = items.get(items.size() - 1).path("paths").get(0);
		assertThat(last.path("kind").asString()).isEqualTo("report-about");
		assertThat(last.path("steps").get(2).path("quote").asString())
			.isEqualTo("Sora 发布有望加速 AI 视频技术迭代进程，持续关注 AI 应用的商业化落地");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "&since=2024-01-01" })
	void pathLimitKeepsEachStocksStrongestPathsAndPathTotalCountsThemAll(String window) {
		// The kept ranking answers without a window, the computation with one: both the
		// same.
		var full = get("/api/technologies/sora/stocks?limit=3" + window).body().path("items");
		var strongest = get("/api/technologies/sora/stocks?limit=3&pathLimit=1" + window).body().path("items");
		assertThat(texts(strongest, "code")).containsExactly("1357.HK", "300418.SZ", "300459.SZ");
		for (int i = 0; i < 3; i++) {
			var stock = strongest.get(i);
			assertThat(stock.path("score").asInt()).isEqualTo(4);
			assertThat(stock.path("pathTotal").asInt()).isEqualTo(2).isEqualTo(full.get(i).path("paths").size());
			assertThat(texts(full.get(i).path("paths"), "kind")).containsExactly("report-about", "theme-about-related");
			assertThat(stock.path("paths")).hasSize(1);
			assertThat(stock.path("paths").get(0)).isEqualTo(full.get(i).path("paths").get(0));
		}
		assertThat(strongest.get(2).path("paths").get(0).path("steps").get(2).path("quote").asString())
			.isEqualTo("Sora 发布有望加速 AI 视频技术迭代进程，持续关注 AI 应用的商业化落地");
	}

	@Test
	void exposurePathLimitKeepsTheStrongestPathsOfEachTarget() {
		var exposures = get("/api/stocks/300459.SZ/exposure?limit=3&pathLimit=2").body().path("exposures");
		var items = exposures.path("items");
		assertThat(exposures.path("total").asInt()).isEqualTo(37);
		assertThat(texts(items, "id")).containsExactly("ai-video-generation", "ai-animation", "qianqiu-shisong");
		assertThat(texts(items, "score")).containsExactly("7", "6", "5");
		assertThat(texts(items, "pathTotal")).containsExactly("3", "3", "3");
		assertThat(texts(items.get(0).path("paths"), "kind")).containsExactly("theme-about", "report-about");
		assertThat(texts(items.get(1).path("paths"), "kind")).containsExactly("theme-about", "theme-about-related");
		assertThat(texts(items.get(2).path("paths"), "kind")).containsExactly("theme-about-related",
				"theme-about-related");
		var full = get("/api/stocks/300459.SZ/exposure?limit=3").body().path("exposures").path("items");
		assertThat(texts(full.get(2).path("paths"), "kind")).containsExactly("theme-about-related",
				"theme-about-related", "report-mentions");
		assertThat(full.get(2).path("pathTotal").asInt()).isEqualTo(3);
	}

	@Test
	void csvOfTheStrongestPathsStillCountsEveryPath() {
		var technology = csv("/api/technologies/sora/stocks?limit=3&pathLimit=1&format=csv", null).records();
		// Three stocks, one path of three steps each; each has two paths in all.
		assertThat(technology).hasSize(1 + 9);
		assertThat(technology.stream().skip(1).map(row -> row.get(1))).containsExactly("1357.HK", "1357.HK", "1357.HK",
				"300418.SZ", "300418.SZ", "300418.SZ", "300459.SZ", "300459.SZ", "300459.SZ");
		assertThat(technology.stream().skip(1).map(row -> row.get(6) + " " + row.get(7))).containsOnly("2 1");
		var exposure = csv("/api/stocks/300459.SZ/exposure?limit=1&pathLimit=1&format=csv", null).records();
		// ai-video-generation: three paths, the first (theme-about) of two steps.
		assertThat(exposure).hasSize(1 + 2);
		assertThat(exposure.get(1).subList(3, 12)).containsExactly("ai-video-generation", "Technology", "AI 视频生成",
				"AI video generation", "7", "3", "1", "theme-about", "3");
	}

	@Test
	void pathLimitOutOfRangeIsAProblemAndWritesNothing() {
		for (var path : List.of("/api/technologies/sora/stocks", "/api/stocks/300459.SZ/exposure")) {
			for (var value : List.of("0", "501")) {
				var response = get(path + "?pathLimit=" + value);
				assertThat(response.status()).as(path).isEqualTo(400);
				assertThat(response.body().path("detail").asString()).as(path)
					.isEqualTo("pathLimit must be from 1 to 500; was " + value);
			}
			assertThat(get(path + "?pathLimit=many").status()).as(path).isEqualTo(400);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "300459", "300459.SZ", "SZ300459", "sz300459", "汤姆猫", "金科文化" })
	void exposureAcceptsEveryCodeFormAndNameOfTomCat(String code) {
		var response = get("/api/stocks/" + code + "/exposure");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("stock").path("code").asString()).isEqualTo("300459.SZ");
		assertThat(texts(response.body().path("themes").path("items"), "id")).containsExactly("ai-video-tools",
				"ip-animation-content");
		assertThat(response.body().path("themes").path("total").asInt()).isEqualTo(2);
	}

	@Test
	void exposureThemesArePagedByThemeSkipAndThemeLimit() {
		var page = get("/api/stocks/300459.SZ/exposure?themeSkip=1&themeLimit=1").body().path("themes");
		assertThat(page.propertyNames()).containsExactly("items", "total", "skip", "limit");
		assertThat(texts(page.path("items"), "id")).containsExactly("ip-animation-content");
		assertThat(page.path("total").asInt()).isEqualTo(2);
		assertThat(page.path("skip").asInt()).isEqualTo(1);
		assertThat(page.path("limit").asInt()).isEqualTo(1);
		var tooMany = get("/api/stocks/300459.SZ/exposure?themeLimit=501");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body().path("detail").asString()).isEqualTo("themeLimit must be from 1 to 500; was 501");
		assertThat(get("/api/stocks/300459.SZ/exposure?themeSkip=-1").body().path("detail").asString())
			.isEqualTo("themeSkip must be from 0 to 100000; was -1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1357.HK", "01357.HK", "HK01357", "Meitu", "meitu", "美图公司", "ＭＥＩＴＵ" })
	void exposureFindsMeituByHongKongCodeOrName(String code) {
		var response = get("/api/stocks/" + code + "/exposure");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("stock").path("code").asString()).isEqualTo("1357.HK");
	}

	@Test
	void exposureListsTechnologiesProductsAndWorksWithScoresAndEvidence() {
		var body = get("/api/stocks/300624.SZ/exposure").body();
		var exposures = body.path("exposures").path("items");
		var ids = texts(exposures, "id");
		assertThat(ids).contains("sora", "ai-video-generation", "gen-2", "our-t2-remake", "qianqiu-shisong");
		assertThat(exposures.get(0).path("id").asString()).isEqualTo("ai-video-generation");
		assertThat(exposures.get(0).path("paths").get(0).path("kind").asString()).isEqualTo("theme-about");
		for (var exposure : exposures) {
			int sum = 0;
			for (var path : exposure.path("paths")) {
				sum += path.path("weight").asInt();
			}
			assertThat(exposure.path("score").asInt()).isEqualTo(sum).isPositive();
		}
	}

	@Test
	void exposuresArePagedInScoreOrder() {
		var all = get("/api/stocks/300624.SZ/exposure").body().path("exposures");
		assertThat(all.path("total").asInt()).isEqualTo(all.path("items").size()).isGreaterThan(3);
		assertThat(all.path("limit").asInt()).isEqualTo(50);
		var page = get("/api/stocks/300624.SZ/exposure?skip=1&limit=2").body().path("exposures");
		assertThat(page.path("total").asInt()).isEqualTo(all.path("total").asInt());
		assertThat(texts(page.path("items"), "id")).containsExactly(all.path("items").get(1).path("id").asString(),
				all.path("items").get(2).path("id").asString());
		assertThat(get("/api/stocks/300624.SZ/exposure?limit=501").status()).isEqualTo(400);
	}

	@Test
	void searchIsCaseAndWidthInsensitiveInChineseAndEnglish() {
		assertThat(hits("stable video")).containsExactly("svd");
		assertThat(hits("万兴")).containsExactly("300624.SZ");
		assertThat(hits("ＳＯＲＡ")).first().isEqualTo("sora");
		assertThat(hits("eleven labs")).containsExactly("elevenlabs");
		assertThat(hits("新国脉")).containsExactly("600640.SH");
	}

	@Test
	void searchPagesPastItsFirstTwenty() {
		var all = get("/api/search?q=a&limit=500").body();
		int total = all.path("total").asInt();
		// The directory's thousands of companies answer to "a" too: the first 500 are the
		// page.
		assertThat(total).isGreaterThan(500);
		assertThat(all.path("items").size()).isEqualTo(500);
		var first = get("/api/search?q=a").body();
		assertThat(first.path("items").size()).isEqualTo(20);
		var second = get("/api/search?q=a&skip=20&limit=5").body();
		assertThat(second.path("total").asInt()).isEqualTo(total);
		var expected = new ArrayList<String>();
		for (int i = 20; i < 25; i++) {
			expected.add(all.path("items").get(i).path("id").asString());
		}
		assertThat(texts(second.path("items"), "id")).containsExactlyElementsOf(expected);
	}

	@Test
	void reportsListAndDetail() {
		var list = get("/api/reports").body();
		assertThat(list.path("total").asInt()).isEqualTo(1);
		var items = list.path("items");
		assertThat(texts(items, "id")).containsExactly(SEED_REPORT);
		assertThat(items.get(0).path("recommendations").asInt()).isEqualTo(27);
		assertThat(items.get(0).path("companies").asInt()).isEqualTo(25);
		assertThat(items.get(0).path("themes").asInt()).isEqualTo(4);
		var report = get("/api/reports/" + SEED_REPORT).body();
		assertThat(report.path("broker").asString()).isEqualTo("德邦证券");
		assertThat(report.path("rating").asString()).isEqualTo("优于大市");
		assertThat(report.path("ratingAction").asString()).isEqualTo("维持");
		assertThat(texts(report.path("analysts"), "name")).containsExactly("马笑", "王梅卿");
		assertThat(report.path("analysts").get(0).path("sacCertificate").asString()).isEqualTo("S0120522100002");
		assertThat(texts(report.path("cites"), "date")).containsExactly("2024-03-10", "2024-03-07", "2024-03-03",
				"2024-02-27", "2024-02-18");
		assertThat(texts(report.path("risks"), "name")).containsExactly("行业竞争加剧", "技术发展不及预期", "应用落地不及预期");
		assertThat(report.path("themes").size()).isEqualTo(4);
		var text = get("/api/reports/" + SEED_REPORT + "/text");
		assertThat(text.status()).isEqualTo(200);
		assertThat(text.text()).contains("建议关注相关受益标的").hasSize(report.path("textLength").asInt());
	}

	private List<String> hits(String q) {
		var response = get("/api/search?q=" + q);
		assertThat(response.status()).isEqualTo(200);
		return texts(response.body().path("items"), "id");
	}

	@Test
	void unknownIdsAnswer404ProblemsWithTheClosestMatches() {
		var technology = get("/api/technologies/sorra/stocks");
		assertThat(technology.status()).isEqualTo(404);
		assertThat(technology.contentType()).startsWith("application/problem+json");
		assertThat(technology.body().path("detail").asString()).isEqualTo("No technology, product or work \"sorra\"");
		assertThat(texts(technology.body().path("suggestions"), "id")).first().isEqualTo("sora");

		// 万兴 alone is a curated short form of 300624.SZ
		// (seed-data/directory/short-forms.csv).
		var stock = get("/api/stocks/万兴科/exposure");
		assertThat(stock.status()).isEqualTo(404);
		assertThat(texts(stock.body().path("suggestions"), "id")).contains("300624.SZ");

		var theme = get("/api/themes/ai-video/stocks");
		assertThat(theme.status()).isEqualTo(404);
		assertThat(texts(theme.body().path("suggestions"), "id")).first().isEqualTo("ai-video-tools");

		assertThat(get("/api/stocks/999999.SZ/exposure").status()).isEqualTo(404);
		// Two digits swapped in 汤姆猫's code.
		var slip = get("/api/stocks/300495/exposure");
		assertThat(slip.status()).isEqualTo(404);
		assertThat(slip.body().path("detail").asString()).isEqualTo("No listed company with code 300495.SZ");
		assertThat(texts(slip.body().path("suggestions"), "id")).first().isEqualTo("300459.SZ");
		assertThat(get("/api/reports/nope").status()).isEqualTo(404);
		var path = get("/api/no-such-endpoint");
		assertThat(path.status()).isEqualTo(404);
		assertThat(path.contentType()).startsWith("application/problem+json");
	}

	@Test
	void malformedCodesAndParametersAnswer400Problems() {
		var code = get("/api/stocks/3004599/exposure");
		assertThat(code.status()).isEqualTo(400);
		assertThat(code.contentType()).startsWith("application/problem+json");
		assertThat(code.body().path("detail").asString()).contains("3004599").contains("not a stock code");
		assertThat(get("/api/stocks/300459.XX/exposure").status()).isEqualTo(400);
		assertThat(get("/api/themes/ai-video-tools/stocks?limit=abc").status()).isEqualTo(400);
		assertThat(get("/api/themes/ai-video-tools/stocks?limit=0").status()).isEqualTo(400);
		assertThat(get("/api/technologies/sora/stocks?skip=-1").status()).isEqualTo(400);
		assertThat(get("/api/search?q=").status()).isEqualTo(400);
		assertThat(get("/api/search").status()).isEqualTo(400);
	}

	static List<String> texts(JsonNode array, String field) {
		var values = new ArrayList<String>();
		array.forEach(node -> values.add(node.path(field).asString()));
		return values;
	}

}
