package com.themegraph.ingest;

import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities belong to the source that defined them: a report may add entities of its own
 * and restate others', add aliases of its own to them (gone with the report), but not
 * rename, re-kind or remove their aliases, nor define a second entity a folded name
 * already answers to; deleting a report leaves the graph exactly as it was before it; an
 * entity file reloaded unchanged writes nothing, and a fact taken out of it goes.
 * Fixtures are invented (TEST FIXTURE) and removed after each test.
 */
class EntityOwnershipIT extends GraphIT {

	static final String REPORT = "test-fixture-ownership";

	static final String FILE_SOURCE = "TEST FIXTURE ownership file";

	static final String JSON = "application/json";

	@Autowired
	DocumentLoader loader;

	@Autowired
	BulkLoader bulk;

	@Autowired
	JsonMapper json;

	@AfterEach
	void removeFixtures() {
		loader.delete(REPORT);
		neo4j.query("MATCH (n:Entity {source: $source}) DETACH DELETE n").bind(FILE_SOURCE).to("source").run();
		neo4j.query("MATCH (f:EntityFile {source: $source}) DELETE f").bind(FILE_SOURCE).to("source").run();
	}

	/** A small invented report; {@code entities} is the JSON of its entities section. */
	ObjectNode report(String entities) {
		var text = "TEST FIXTURE: 虚构研报。\n测试证券 传媒 测试周报\n证券分析师 马笑\n我们认为，Sora 等视频模型持续迭代。\n建议关注 AI 视频相关公司：【汤姆猫】等。\n";
		return (ObjectNode) json.readTree(
				"""
						{"kind": "report", "id": "%s", "title": "测试周报（TEST FIXTURE）", "broker": "openai", "industry": "传媒", "rating": "中性",
						 "published": {"earliest": "2019-01-01", "latest": "2019-01-01", "precision": "day"},
						 "language": "zh",
						 "analysts": [{"person": "ma-xiao", "role": "证券分析师", "quote": "证券分析师 马笑"}],
						 "about": [{"entity": "sora", "quote": "Sora 等视频模型持续迭代"}],
						 "entities": %s,
						 "themes": [{"id": "test-fixture-ownership-theme", "name": "测试主题", "quote": "建议关注 AI 视频相关公司",
						   "companies": [{"code": "300459.SZ", "name": "汤姆猫", "quote": "【汤姆猫】"}]}],
						 "text": %s}"""
					.formatted(REPORT, entities, json.writeValueAsString(text)));
	}

	Response post(ObjectNode document) {
		return send("POST", "/api/reports", JSON, document.toString(), "X-API-Key", TEST_API_KEY);
	}

	@Test
	void aReportThatRenamesACompanyAndDropsItsAliasesIsRefusedWithTheExistingValues() {
		var before = snapshot();
		var refused = post(report("""
				{"companies": [{"code": "300459.SZ", "name": "测试改名", "aliases": ["测试别名"]}]}"""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().path("type").asString())
			.isEqualTo("https://themegraph.example/problems/invalid-document");
		var violations = refused.body().path("violations");
		assertThat(violations.findValuesAsString("pointer")).containsExactly("/entities/companies/0/name",
				"/entities/companies/0/aliases/0");
		assertThat(violations.get(0).path("message").asString())
			.isEqualTo("\"300459.SZ\" is defined by entity-facts, whose name is \"汤姆猫\": a document may not change it");
		assertThat(violations.get(1).path("message").asString()).isEqualTo(
				"\"300459.SZ\" is defined by entity-facts, whose aliases are [金科文化]: a document may not change them");
		assertSameGraph(snapshot(), before, "the graph after a refused redefinition");
		var stock = get("/api/stocks/汤姆猫");
		assertThat(stock.status()).isEqualTo(200);
		assertThat(stock.body().path("aliases").findValuesAsString("")).isEmpty();
		assertThat(stock.body().path("aliases").get(0).asString()).isEqualTo("金科文化");
	}

	@Test
	void aSecondTechnologyWhoseNameFoldsToAnExistingOneIsRefusedPointingAtIt() {
		var before = snapshot();
		var refused = post(report("""
				{"technologies": [{"id": "test-fixture-sora-upper", "name": "ＳＯＲＡ"}]}"""));
		assertThat(refused.status()).isEqualTo(400);
		var violation = refused.body().path("violations").get(0);
		assertThat(violation.path("pointer").asString()).isEqualTo("/entities/technologies/0/name");
		assertThat(violation.path("message").asString()).isEqualTo(
				"a technology named \"Sora\" already exists as id \"sora\": refer to that id instead of defining \"test-fixture-sora-upper\"");
		assertSameGraph(snapshot(), before, "the graph after a refused duplicate");
		assertThat(get("/api/search?q=sora").body().findValuesAsString("id")).containsOnlyOnce("sora");
	}

	@Test
	void theBulkLoaderRefusesTheSameWayAndWritesNothing() {
		var before = snapshot();
		var summary = bulk.load(
				List.of(new BulkLoader.Input("renames.json",
						() -> report("{\"technologies\": [{\"id\": \"sora\", \"name\": \"Sora 2\"}]}")),
						new BulkLoader.Input("duplicate.json", () -> report(
								"{\"technologies\": [{\"id\": \"test-fixture-sora-upper\", \"name\": \"SORA\"}]}"))),
				progress -> {
				});
		assertThat(summary.refused()).hasSize(2);
		assertThat(summary.refused().get(0).violations()).containsExactly(new Violation("/entities/technologies/0/name",
				"\"sora\" is defined by entity-facts, whose name is \"Sora\": a document may not change it"));
		assertThat(summary.refused().get(1).violations()).extracting(Violation::pointer)
			.containsExactly("/entities/technologies/0/name");
		assertSameGraph(snapshot(), before, "the graph after a refused bulk load");
	}

	@Test
	void aReportMayRestateOthersEntitiesAndAddItsOwnAndDeletingItRestoresTheGraphExactly() {
		var before = snapshot();
		var accepted = post(report("""
				{"technologies": [{"id": "sora", "name": "Sora"},
				                  {"id": "test-fixture-own-tech", "name": "测试技术", "aliases": ["测技"]}],
				 "companies": [{"code": "300459.SZ", "name": "汤姆猫", "aliases": ["金科文化"]}]}"""));
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(count(
				"MATCH (n:Technology {id: 'test-fixture-own-tech', definedBy: '" + REPORT + "'}) RETURN count(n)"))
			.isEqualTo(1);
		// The report's analyst and broker were plain entities: it made them Analyst and
		// Broker.
		assertThat(count("MATCH (p:Analyst {id: 'ma-xiao'}) RETURN count(p)")).isEqualTo(1);
		assertThat(count("MATCH (o:Broker {id: 'openai'}) RETURN count(o)")).isEqualTo(1);
		// Restating sora wrote nothing on it: still entity-facts'.
		assertThat(count("MATCH (n {id: 'sora', definedBy: 'entity-facts'}) RETURN count(n)")).isEqualTo(1);

		assertThat(send("DELETE", "/api/reports/" + REPORT, null, null, "X-API-Key", TEST_API_KEY).status())
			.isEqualTo(204);
		assertSameGraph(snapshot(), before, "the graph after the report was deleted, property by property");
	}

	@Test
	void anEntityFileReloadedUnchangedWritesNothingAndAFactTakenOutOfItGoes() {
		var file = """
				{"kind": "entities", "source": "%s",
				 "organizations": [{"id": "test-fixture-owned-org", "name": "测试机构甲"}],
				 "technologies": [{"id": "test-fixture-owned-tech", "name": "测试技术乙"}],
				 "facts": [%s]}""";
		var fact = "{\"subject\": \"test-fixture-owned-tech\", \"predicate\": \"MADE_BY\", \"object\": \"test-fixture-owned-org\"}";
		var first = loader.load(json.readTree(file.formatted(FILE_SOURCE, fact)), "fixtures/owned.json");
		assertThat(first).isEqualTo(new LoadResult(FILE_SOURCE, LoadResult.Outcome.MERGED, 2, 1));
		assertThat(count("MATCH (:Entity {id: 'test-fixture-owned-tech'})-[e:MADE_BY {source: '" + FILE_SOURCE
				+ "'}]->(:Entity {id: 'test-fixture-owned-org'}) RETURN count(e)"))
			.isEqualTo(1);

		var loaded = snapshot();
		var again = loader.load(json.readTree(file.formatted(FILE_SOURCE, fact)), "other/dir/owned.json");
		assertThat(again).isEqualTo(new LoadResult(FILE_SOURCE, LoadResult.Outcome.MERGED, 0, 0));
		assertSameGraph(snapshot(), loaded, "the graph after the same entity file again");

		loader.load(json.readTree(file.formatted(FILE_SOURCE, "")), "fixtures/owned.json");
		assertThat(count("MATCH ({id: 'test-fixture-owned-tech'})-[e:MADE_BY]->() RETURN count(e)")).isZero();
		assertThat(count("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-fixture-owned-' RETURN count(n)")).isEqualTo(2);
		// Another file of the same source keeps its own facts when this one is reloaded.
		assertThat(count("MATCH ()-[e:MADE_BY {source: 'entity-facts'}]->() RETURN count(e)")).isPositive();
	}

	@Test
	void aReportMayAddAliasesOfItsOwnWhichFindTheEntityUntilItIsReloadedWithoutThemOrDeleted() {
		var before = snapshot();
		assertThat(get("/api/stocks/测试猫业").status()).isEqualTo(404);
		assertThat(get("/api/technologies/测试视频模型/stocks").status()).isEqualTo(404);

		var accepted = post(report("""
				{"technologies": [{"id": "sora", "name": "Sora", "aliases": ["测试视频模型"]}],
				 "companies": [{"code": "300459.SZ", "name": "汤姆猫", "aliases": ["金科文化", "测试猫业"]}]}"""));
		assertThat(accepted.status()).isEqualTo(201);
		var stock = get("/api/stocks/测试猫业");
		assertThat(stock.status()).isEqualTo(200);
		assertThat(stock.body().path("code").asString()).isEqualTo("300459.SZ");
		// Found through the same folding as the owner's names: width and padding aside.
		assertThat(get("/api/stocks/测 试 猫 业").body().path("code").asString()).isEqualTo("300459.SZ");
		assertThat(get("/api/search?q=测试猫业").body().findValuesAsString("id")).containsExactly("300459.SZ");
		assertThat(get("/api/search?q=测试视频模型").body().findValuesAsString("id")).containsExactly("sora");
		var technologyByAlias = get("/api/technologies/测试视频模型/stocks");
		assertThat(technologyByAlias.status()).isEqualTo(200);
		assertThat(technologyByAlias.body()).isEqualTo(get("/api/technologies/sora/stocks").body());
		// The owner's names and aliases stay the owner's; the added ones are the
		// report's.
		assertThat(count("MATCH (c:Company {code: '300459.SZ', definedBy: 'entity-facts'}) "
				+ "WHERE c.aliases = ['金科文化'] AND c.addedAliases = ['测试猫业'] AND c.addedAliasesBy = ['" + REPORT
				+ "'] RETURN count(c)"))
			.isEqualTo(1);
		assertThat(stock.body().path("aliases").get(0).asString()).isEqualTo("金科文化");

		// Reloaded without the company's alias: that one goes, the technology's stays.
		var reloaded = post(report("""
				{"technologies": [{"id": "sora", "name": "Sora", "aliases": ["测试视频模型"]}]}"""));
		assertThat(reloaded.status()).isEqualTo(200);
		assertThat(get("/api/stocks/测试猫业").status()).isEqualTo(404);
		assertThat(get("/api/search?q=测试猫业").body().findValuesAsString("id")).isEmpty();
		assertThat(get("/api/technologies/测试视频模型/stocks").status()).isEqualTo(200);

		assertThat(send("DELETE", "/api/reports/" + REPORT, null, null, "X-API-Key", TEST_API_KEY).status())
			.isEqualTo(204);
		assertThat(get("/api/technologies/测试视频模型/stocks").status()).isEqualTo(404);
		assertThat(get("/api/search?q=测试视频模型").body().findValuesAsString("id")).isEmpty();
		assertThat(get("/api/stocks/汤姆猫").body().path("code").asString()).isEqualTo("300459.SZ");
		assertSameGraph(snapshot(), before, "the graph after the aliasing report was deleted, property by property");
	}

	@Test
	void anAddedAliasAnotherEntityOfTheSameKindAnswersToIsRefusedPointingAtIt() {
		var before = snapshot();
		var refused = post(report("""
				{"technologies": [{"id": "sora", "name": "Sora", "aliases": ["测试视频模型", "扩散模型"]}]}"""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		var violations = refused.body().path("violations");
		assertThat(violations.findValuesAsString("pointer")).containsExactly("/entities/technologies/0/aliases/1");
		assertThat(violations.get(0).path("message").asString()).isEqualTo(
				"\"扩散模型\" already names the technology \"Diffusion\" (id \"diffusion\"): it cannot also be an alias of \"sora\"");
		assertSameGraph(snapshot(), before, "the graph after a refused alias");
		assertThat(get("/api/technologies/测试视频模型/stocks").status()).isEqualTo(404);
	}

	@Test
	void aReportThatLeavesOutAnAliasOfAnotherSourceIsRefusedAsARemoval() {
		var before = snapshot();
		var refused = post(report("""
				{"companies": [{"code": "1357.HK", "name": "美图公司", "aliases": ["Meitu"]}]}"""));
		assertThat(refused.status()).isEqualTo(400);
		var violations = refused.body().path("violations");
		assertThat(violations.findValuesAsString("pointer")).containsExactly("/entities/companies/0/aliases");
		assertThat(violations.get(0).path("message").asString()).isEqualTo(
				"\"1357.HK\" is defined by entity-facts, whose aliases are [Meitu, 美图]: a document may not change them");
		assertSameGraph(snapshot(), before, "the graph after a refused removal");
		assertThat(get("/api/stocks/美图").body().path("code").asString()).isEqualTo("1357.HK");
	}

	@Test
	void theBulkLoaderRecordsAddedAliasesAsTheReportsOwn() {
		var before = snapshot();
		var summary = bulk.load(List.of(new BulkLoader.Input("aliases.json", () -> report("""
				{"companies": [{"code": "300459.SZ", "name": "汤姆猫", "aliases": ["金科文化", "测试猫业"]}]}"""))), progress -> {
		});
		assertThat(summary.refused()).isEmpty();
		assertThat(get("/api/stocks/测试猫业").body().path("code").asString()).isEqualTo("300459.SZ");
		loader.delete(REPORT);
		assertThat(get("/api/stocks/测试猫业").status()).isEqualTo(404);
		assertSameGraph(snapshot(), before, "the graph after the bulk-loaded report was deleted");
	}

}
