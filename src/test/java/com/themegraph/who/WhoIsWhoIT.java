package com.themegraph.who;

import java.util.ArrayList;
import java.util.List;

import com.themegraph.GraphIT;
import com.themegraph.extract.ReportExtractor;
import com.themegraph.ingest.DocumentLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is who, as a new user tries it: codes pasted from every vendor, names as quote
 * feeds and market tags print them, and technologies and themes asked for by name. Its
 * companies are invented (TEST FIXTURE) and removed after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoIsWhoIT extends GraphIT {

	static final String SOURCE = "TEST FIXTURE who-is-who";

	@Autowired
	DocumentLoader loader;

	@Autowired
	ReportExtractor extractor;

	@Autowired
	JsonMapper json;

	@BeforeAll
	void loadCompanies() {
		loader.load(json.readTree("""
				{"kind": "entities", "source": "%s",
				 "companies": [
				   {"code": "900941.SH", "name": "测试B股", "aliases": ["测B"]},
				   {"code": "200941.SZ", "name": "测深B"},
				   {"code": "920941.BJ", "name": "测北交"},
				   {"code": "600948.SH", "name": "*ST测华", "nameEn": "Test Huaxia"},
				   {"code": "000941.SZ", "name": "测粮液"},
				   {"code": "9941.HK", "name": "测港-W"},
				   {"code": "TSTQ.US", "name": "测美", "nameEn": "Test Quux"},
				   {"code": "920948.BJ", "name": "测新码",
				    "formerCodes": [{"code": "830942.BJ", "until": "2025-10-09"}],
				    "formerNames": [{"name": "测旧名", "until": "2021-06-01"}]}
				 ]}""".formatted(SOURCE)), "who-is-who fixture");
	}

	@AfterAll
	void removeCompanies() {
		neo4j.query("MATCH (n:Entity {source: $source}) DETACH DELETE n").bind(SOURCE).to("source").run();
	}

	@ParameterizedTest
	@ValueSource(strings = { "600948.XSHG", "sh.600948", "600948.SS", "600948 CH", "600948 CH Equity", "600948 CG",
			"SH.600948", "600948.SH", "600948", "SH600948" })
	void everyVendorFormOfAShanghaiCodeFindsTheCompany(String form) {
		var stock = get("/api/stocks/" + form);
		assertThat(stock.status()).as(form).isEqualTo(200);
		assertThat(stock.body().path("code").asString()).isEqualTo("600948.SH");
		assertThat(stock.body().path("name").asString()).isEqualTo("*ST测华");
	}

	@Test
	void bSharesBeijingHongKongAndUsListingsInEveryForm() {
		for (var form : List.of("900941", "900941.SH", "sh.900941")) {
			assertThat(get("/api/stocks/" + form).body().path("code").asString()).as(form).isEqualTo("900941.SH");
		}
		for (var form : List.of("200941", "sz.200941", "200941.XSHE")) {
			assertThat(get("/api/stocks/" + form).body().path("code").asString()).as(form).isEqualTo("200941.SZ");
		}
		for (var form : List.of("920941", "920941.XBSE", "920941.BJ")) {
			assertThat(get("/api/stocks/" + form).body().path("code").asString()).as(form).isEqualTo("920941.BJ");
		}
		for (var form : List.of("9941 HK", "9941 HK Equity", "HK.09941", "09941.HK", "9941.XHKG", "9941")) {
			assertThat(get("/api/stocks/" + form).body().path("code").asString()).as(form).isEqualTo("9941.HK");
		}
		for (var form : List.of("TSTQ.O", "TSTQ.N", "TSTQ US", "TSTQ US Equity", "US.TSTQ", "tstq.us")) {
			assertThat(get("/api/stocks/" + form).body().path("code").asString()).as(form).isEqualTo("TSTQ.US");
		}
	}

	@Test
	void aStockAnswerGivesItsVendorForms() {
		var forms = get("/api/stocks/600948").body().path("forms");
		assertThat(forms.path("wind").asString()).isEqualTo("600948.SH");
		assertThat(forms.path("yahoo").asString()).isEqualTo("600948.SS");
		assertThat(forms.path("tushare").asString()).isEqualTo("600948.SH");
		assertThat(forms.path("baostock").asString()).isEqualTo("sh.600948");
		assertThat(forms.path("bloomberg").asString()).isEqualTo("600948 CH Equity");
		assertThat(forms.path("futu").asString()).isEqualTo("SH.600948");
		assertThat(forms.path("joinquant").asString()).isEqualTo("600948.XSHG");
		var hk = get("/api/stocks/9941/exposure").body().path("stock").path("forms");
		assertThat(hk.path("futu").asString()).isEqualTo("HK.09941");
		assertThat(hk.path("bloomberg").asString()).isEqualTo("9941 HK Equity");
	}

	@Test
	void anUnknownFormAnswers400ListingTheAcceptedOnes() {
		for (var form : List.of("600948.XX", "941 XX", "1234567")) {
			var refused = get("/api/stocks/" + form);
			assertThat(refused.status()).as(form).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().path("detail").asString()).startsWith("\"" + form + "\" is not a stock code: ")
				.contains("600000.XSHG", "sh.600000", "700 HK", "HK.00700", "BILI.O", "IQ US");
		}
	}

	@Test
	void aPaddedNameIsFoundByLookupAndSearch() {
		var stock = get("/api/stocks/测 粮 液");
		assertThat(stock.status()).isEqualTo(200);
		assertThat(stock.body().path("code").asString()).isEqualTo("000941.SZ");
		assertThat(get("/api/stocks/测　粮　液/exposure").status()).isEqualTo(200);
		var hits = get("/api/search?q=测 粮 液");
		assertThat(hits.status()).isEqualTo(200);
		assertThat(ids(hits.body().path("items"))).containsExactly("000941.SZ");
	}

	@Test
	void marketTagsAreTagsOfTheSameCompanyAndStayShown() {
		for (var name : List.of("*ST测华", "ST测华", "测华", "＊ＳＴ测华", "*ST 测华")) {
			var stock = get("/api/stocks/" + name);
			assertThat(stock.status()).as(name).isEqualTo(200);
			assertThat(stock.body().path("code").asString()).isEqualTo("600948.SH");
			assertThat(stock.body().path("name").asString()).isEqualTo("*ST测华");
		}
		for (var name : List.of("测港", "测港-W", "测港-SW")) {
			assertThat(get("/api/stocks/" + name).body().path("code").asString()).as(name).isEqualTo("9941.HK");
		}
		var hits = get("/api/search?q=测华").body().path("items");
		assertThat(ids(hits)).containsExactly("600948.SH");
		assertThat(hits.get(0).path("name").asString()).isEqualTo("*ST测华");
		assertThat(ids(get("/api/search?q=*ST测华").body().path("items"))).containsExactly("600948.SH");
	}

	@Test
	void theExtractorFindsStarStAndPaddedNamesAndKeepsTheStar() {
		var draft = extractor.extract("""
				测试周报（TEST FIXTURE）
				我们认为，AI视频工具持续落地，建议关注【*ST测华、测 粮 液、测港-W】。
				风险提示：测试风险。
				""");
		var companies = draft.path("themes").get(0).path("companies");
		var found = new ArrayList<String>();
		companies
			.forEach(company -> found.add(company.path("code").asString() + " " + company.path("name").asString()));
		assertThat(found).containsExactly("600948.SH *ST测华", "000941.SZ 测 粮 液", "9941.HK 测港-W");
	}

	@Test
	void boldMarkdownStarsAreNotTakenForTheName() {
		var draft = extractor.extract("""
				测试周报（TEST FIXTURE）
				我们认为，AI视频工具持续落地，建议关注【**ST测华**、**测粮液**】。
				风险提示：测试风险。
				""");
		var companies = draft.path("themes").get(0).path("companies");
		assertThat(companies.get(0).path("code").asString()).isEqualTo("600948.SH");
		assertThat(companies.get(0).path("name").asString()).isEqualTo("ST测华");
		assertThat(companies.get(1).path("name").asString()).isEqualTo("测粮液");
	}

	@Test
	void aFormerCodeAnswersTheCompanyWithTheCodeAskedByAndTheCurrentOne() {
		for (var form : List.of("830942", "830942.BJ", "830942.XBSE")) {
			var stock = get("/api/stocks/" + form);
			assertThat(stock.status()).as(form).isEqualTo(200);
			assertThat(stock.body().path("code").asString()).isEqualTo("920948.BJ");
			assertThat(stock.body().path("askedAs").asString()).isEqualTo("830942.BJ");
			assertThat(stock.body().path("formerCodes").get(0).path("code").asString()).isEqualTo("830942.BJ");
			assertThat(stock.body().path("formerCodes").get(0).path("until").asString()).isEqualTo("2025-10-09");
		}
		assertThat(get("/api/stocks/830942/exposure").body().path("stock").path("code").asString())
			.isEqualTo("920948.BJ");
		var byCurrent = get("/api/stocks/920948").body();
		assertThat(byCurrent.path("code").asString()).isEqualTo("920948.BJ");
		assertThat(byCurrent.has("askedAs")).as("askedAs only for a former code").isFalse();
		var byFormerName = get("/api/stocks/测旧名").body();
		assertThat(byFormerName.path("code").asString()).isEqualTo("920948.BJ");
		assertThat(byFormerName.path("formerNames").get(0).path("name").asString()).isEqualTo("测旧名");
		assertThat(byFormerName.path("formerNames").get(0).path("until").asString()).isEqualTo("2021-06-01");
		// A code nobody had stays a 404.
		assertThat(get("/api/stocks/830943").status()).isEqualTo(404);
	}

	@Test
	void theExtractorResolvesFormerCodesAndNamesToTheSameCompany() {
		for (var list : List.of("测旧名(830942)", "测新码（830942.BJ）", "测旧名")) {
			var draft = extractor.extract("""
					测试周报（TEST FIXTURE）
					我们认为，AI视频工具持续落地，建议关注【%s】。
					风险提示：测试风险。
					""".formatted(list));
			var companies = draft.path("themes").get(0).path("companies");
			assertThat(companies.size()).as(list).isEqualTo(1);
			assertThat(companies.get(0).path("code").asString()).as(list).isEqualTo("920948.BJ");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sora", "SORA", "ｓｏｒａ", " sora " })
	void aTechnologyByNameAnswersAsByItsId(String name) {
		var byId = get("/api/technologies/sora/stocks");
		var byName = get("/api/technologies/" + name + "/stocks");
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.body().path("total").asLong()).isPositive();
		assertThat(byName.body()).isEqualTo(byId.body());
	}

	@Test
	void aThemeByItsNameAnswersAsByItsId() {
		var byId = get("/api/themes/ai-video-tools/stocks");
		var byName = get("/api/themes/AI 视频技术与工具及落地应用场景/stocks");
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.body().path("total").asLong()).isPositive();
		assertThat(byName.body()).isEqualTo(byId.body());
		assertThat(get("/api/themes/ai video technology, tools and application scenarios/stocks").body())
			.isEqualTo(byId.body());
	}

	@Test
	void anUnknownNameStill404sWithSuggestions() {
		var miss = get("/api/technologies/Soraa/stocks");
		assertThat(miss.status()).isEqualTo(404);
		assertThat(miss.contentType()).startsWith("application/problem+json");
		assertThat(miss.body().path("detail").asString()).isEqualTo("No technology, product or work \"Soraa\"");
		assertThat(ids(miss.body().path("suggestions"))).first().isEqualTo("sora");
		// A company's name is not a technology's.
		assertThat(get("/api/technologies/测粮液/stocks").status()).isEqualTo(404);
	}

	static List<String> ids(JsonNode array) {
		var values = new ArrayList<String>();
		array.forEach(node -> values.add(node.path("id").asString()));
		return values;
	}

}
