package com.themegraph.ingest;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company history that cannot contradict the graph (issue 27): a former code or name that
 * another company holds now is refused at its entry, naming that company; a report may
 * not give history to another source's company (refused at the list, never silently
 * dropped); {@code "aliases": []} on another source's entity removes the owner's aliases
 * and is refused like any other list leaving them out. Each refusal writes nothing; each
 * is made through {@code POST /api/reports} and gets the same answer from the bulk
 * loader. Fixtures are invented (TEST FIXTURE) and removed after each test.
 */
class CompanyHistoryIT extends GraphIT {

	static final String REPORT = "test-fixture-history";

	@Autowired
	DocumentLoader loader;

	@Autowired
	BulkLoader bulk;

	@Autowired
	JsonMapper json;

	@AfterEach
	void removeFixtures() {
		loader.delete(REPORT);
	}

	/** A small invented report defining or restating {@code companies} (JSON array). */
	String report(String companies) {
		var text = "TEST FIXTURE: 虚构研报。\n建议关注 AI 视频相关公司：【汤姆猫】等。\n";
		return """
				{"kind": "report", "id": "%s", "title": "历史测试（TEST FIXTURE）", "broker": "openai", "industry": "传媒",
				 "rating": "中性", "published": {"earliest": "2019-01-01", "latest": "2019-01-01", "precision": "day"},
				 "language": "zh", "analysts": [{"person": "ma-xiao", "role": "证券分析师", "quote": "TEST FIXTURE"}],
				 "entities": {"companies": %s},
				 "themes": [{"id": "test-fixture-history-theme", "name": "测试主题", "quote": "建议关注 AI 视频相关公司",
				   "companies": [{"code": "300459.SZ", "name": "汤姆猫", "quote": "【汤姆猫】"}]}],
				 "text": %s}""".formatted(REPORT, companies, json.writeValueAsString(text));
	}

	/**
	 * Posts the document, expects 400 with exactly these violations (pointer, message),
	 * the graph unchanged, and the bulk loader refusing it the same way.
	 */
	void assertRefused(String document, String... pointersAndMessages) {
		var before = snapshot();
		var refused = send("POST", "/api/reports", "application/json", document, "X-API-Key", TEST_API_KEY);
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/invalid-document");
		var violations = refused.body().path("violations");
		assertThat(violations.size()).as(refused.text()).isEqualTo(pointersAndMessages.length / 2);
		for (int i = 0; i < pointersAndMessages.length; i += 2) {
			assertThat(violations.get(i / 2).path("pointer").asString()).isEqualTo(pointersAndMessages[i]);
			assertThat(violations.get(i / 2).path("message").asString()).isEqualTo(pointersAndMessages[i + 1]);
		}
		assertSameGraph(snapshot(), before, "the graph after the refusal");
		var summary = bulk.load(java.util.List.of(new BulkLoader.Input("bulk.json", () -> json.readTree(document))),
				progress -> {
				});
		assertThat(summary.refused()).as("the bulk loader refuses it too").hasSize(1);
		assertThat(summary.refused().get(0).violations()).hasSize(pointersAndMessages.length / 2);
		assertSameGraph(snapshot(), before, "the graph after the bulk loader's refusal");
	}

	@Test
	void aFormerCodeThatIsAnotherCompanysCurrentCodeIsRefusedNamingIt() {
		assertRefused(
				report("""
						[{"code": "830901.BJ", "name": "测史甲", "formerCodes": [{"code": "300459.SZ", "until": "2020-01-01"}]}]"""),
				"/entities/companies/0/formerCodes/0",
				"\"300459.SZ\" is the current code of the company \"300459.SZ\" (named \"汤姆猫\"): "
						+ "it cannot be another company's former code");
	}

	@Test
	void aFormerNameThatIsAnotherCompanysCurrentNameIsRefusedNamingIt() {
		assertRefused(report("""
				[{"code": "830901.BJ", "name": "测史甲", "formerNames": [{"name": "美图公司", "until": "2020-01-01"}]}]"""),
				"/entities/companies/0/formerNames/0",
				"\"美图公司\" is the current name of the company \"1357.HK\" (named \"美图公司\"): "
						+ "it cannot be another company's former name");
	}

	@Test
	void historyClashingInsideTheDocumentIsRefused() {
		assertRefused(report("""
				[{"code": "830901.BJ", "name": "测史甲", "formerCodes": [{"code": "830902.BJ", "until": "2020-01-01"}]},
				 {"code": "830902.BJ", "name": "测史乙"}]"""), "/entities/companies/0/formerCodes/0",
				"\"830902.BJ\" is the current code of the company \"830902.BJ\" (defined in this document): "
						+ "it cannot be another company's former code");
	}

	@Test
	void historyGivenToAnotherSourcesCompanyIsRefusedNotDropped() {
		assertRefused(report("""
				[{"code": "300459.SZ", "name": "汤姆猫", "formerCodes": [{"code": "830903.BJ", "until": "2020-01-01"}],
				  "formerNames": [{"name": "测旧名丙", "until": "2020-01-01"}]}]"""), "/entities/companies/0/formerCodes",
				"\"300459.SZ\" is defined by entity-facts: its history is that source's to give; "
						+ "a document may not add formerCodes to it",
				"/entities/companies/0/formerNames", "\"300459.SZ\" is defined by entity-facts: its history is that "
						+ "source's to give; a document may not add formerNames to it");
	}

	@Test
	void anEmptyAliasListOnAnotherSourcesEntityIsARemovalAndRefused() {
		assertRefused(report("""
				[{"code": "300459.SZ", "name": "汤姆猫", "aliases": []}]"""), "/entities/companies/0/aliases",
				"\"300459.SZ\" is defined by entity-facts, whose aliases are [金科文化]: a document may not change them");
		// No list at all is a plain restatement, and loads.
		var restated = send("POST", "/api/reports", "application/json", report("""
				[{"code": "300459.SZ", "name": "汤姆猫"}]"""), "X-API-Key", TEST_API_KEY);
		assertThat(restated.status()).as(restated.text()).isEqualTo(201);
	}

	@Test
	void historyOfItsOwnThatContradictsNothingLoads() {
		var loaded = send("POST", "/api/reports", "application/json", report("""
				[{"code": "830901.BJ", "name": "测史甲", "formerCodes": [{"code": "830904.BJ", "until": "2020-01-01"}],
				  "formerNames": [{"name": "测旧名丁", "until": "2020-01-01"}]}]"""), "X-API-Key", TEST_API_KEY);
		assertThat(loaded.status()).as(loaded.text()).isEqualTo(201);
		assertThat(get("/api/stocks/830904.BJ").body().path("code").asString()).isEqualTo("830901.BJ");
	}

}
