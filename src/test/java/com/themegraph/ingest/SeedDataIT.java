package com.themegraph.ingest;

import java.util.List;
import java.util.Map;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The seed report as an analyst would check it against the PDF and the facts sheet. */
class SeedDataIT extends GraphIT {

	/** The report's four 建议关注 groups, in its order (names as printed). */
	static final Map<String, List<String>> GROUPS = Map.of("ai-video-tools",
			List.of("万兴科技", "昆仑万维", "美图公司", "汤姆猫", "风语筑"), "ip-animation-content",
			List.of("中文在线", "汤姆猫", "上海电影", "光线传媒", "奥飞娱乐", "华策影视", "果麦文化", "荣信文化"), "marketing-ecommerce",
			List.of("因赛集团", "蓝色光标", "浙文互联", "天龙集团", "龙韵股份", "青木股份", "思美传媒"), "state-media-channels",
			List.of("中视传媒", "上海电影", "芒果超媒", "中广天择", "国脉文化", "中国电影", "浙文影业"));

	/** Codes from shared/reference/entity-facts.md. */
	static final Map<String, String> CODES = Map.ofEntries(entry("万兴科技", "300624.SZ"), entry("昆仑万维", "300418.SZ"),
			entry("美图公司", "1357.HK"), entry("汤姆猫", "300459.SZ"), entry("风语筑", "603466.SH"), entry("中文在线", "300364.SZ"),
			entry("上海电影", "601595.SH"), entry("光线传媒", "300251.SZ"), entry("奥飞娱乐", "002292.SZ"),
			entry("华策影视", "300133.SZ"), entry("果麦文化", "301052.SZ"), entry("荣信文化", "301231.SZ"),
			entry("因赛集团", "300781.SZ"), entry("蓝色光标", "300058.SZ"), entry("浙文互联", "600986.SH"),
			entry("天龙集团", "300063.SZ"), entry("龙韵股份", "603729.SH"), entry("青木股份", "301110.SZ"),
			entry("思美传媒", "002712.SZ"), entry("中视传媒", "600088.SH"), entry("芒果超媒", "300413.SZ"),
			entry("中广天择", "603721.SH"), entry("国脉文化", "600640.SH"), entry("中国电影", "600977.SH"),
			entry("浙文影业", "601599.SH"));

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	@Autowired
	com.themegraph.store.SchemaInitializer schema;

	@Autowired
	KeptRankings rankings;

	@Autowired
	DirectorySnapshot directory;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/**
	 * A seed whose second file is bad stops the start, and the graph keeps nothing of the
	 * first: the files are checked in order, each against the graph the earlier ones
	 * leave (the report may name the organisation the entity file defines), in one
	 * transaction.
	 */
	@Test
	void aSeedWhoseLaterFileIsBadLeavesTheGraphAsItWas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path seed)
			throws Exception {
		java.nio.file.Files.createDirectories(seed.resolve("entities"));
		java.nio.file.Files.createDirectories(seed.resolve("reports"));
		java.nio.file.Files.writeString(seed.resolve("entities/a-good.json"), """
				{"kind": "entities", "source": "TEST FIXTURE seed",
				 "organizations": [{"id": "test-seed-good-org", "name": "测试种子机构"}],
				 "companies": [{"code": "600946.SH", "name": "测试种子公司"}]}""");
		var report = (tools.jackson.databind.node.ObjectNode) json.readTree(secondReportFixture());
		report.withObject("entities").remove("organizations");
		report.put("broker", "test-seed-good-org");
		((tools.jackson.databind.node.ObjectNode) report.withArray("themes").get(0).withArray("companies").get(1))
			.put("code", "600947.SH");
		java.nio.file.Files.writeString(seed.resolve("reports/b-bad.json"), report.toString());
		var before = snapshot();
		var seeding = new SeedDataLoader(loader, json, schema, rankings, directory, transactions,
				seed.toUri().toString());
		org.assertj.core.api.Assertions.assertThatExceptionOfType(InvalidDocumentException.class)
			.isThrownBy(seeding::afterSingletonsInstantiated)
			.satisfies(ex -> {
				assertThat(ex.origin()).endsWith("reports/b-bad.json");
				assertThat(ex.violations()).containsExactly(new Violation("/themes/0/companies/1/code",
						"unknown id \"600947.SH\": define it in this document's entities or load an entity file that does"));
			});
		assertSameGraph(snapshot(), before, "the graph");
		assertThat(count("MATCH (n) WHERE n.id IN ['test-seed-good-org', '600946.SH'] RETURN count(n)")).isZero();
	}

	@Test
	void twentyFiveCompaniesAndTwentySevenRecommendations() {
		// The curated entity file's 25; the directory's thousands come on top
		// (DirectorySnapshotIT).
		assertThat(count("MATCH (c:Company) WHERE c.definedBy <> 'directory' RETURN count(c)")).isEqualTo(25);
		assertThat(count("MATCH (:Theme)-[r:RECOMMENDS {report: 'tebon-2024-03-sora'}]->(:Company) RETURN count(r)"))
			.isEqualTo(27);
		assertThat(count("MATCH (:Report {id: 'tebon-2024-03-sora'})-[:HAS_THEME]->(t:Theme) RETURN count(t)"))
			.isEqualTo(4);
	}

	@Test
	void eachGroupHoldsExactlyItsMembersInTheReportsOrder() {
		GROUPS.forEach((theme, names) -> {
			var members = neo4j.query("""
					MATCH (:Theme {id: $theme})-[r:RECOMMENDS]->(c:Company)
					RETURN c.name AS name ORDER BY r.position""").bind(theme).to("theme").fetchAs(String.class).all();
			assertThat(members).as(theme).containsExactlyElementsOf(names);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void tomCatAndShanghaiFilmSitInTwoGroupsEach() {
		var doubles = neo4j.query("""
				MATCH (t:Theme)-[:RECOMMENDS]->(c:Company)
				WITH c, collect(t.id) AS themes WHERE size(themes) > 1
				RETURN c.name AS name, themes ORDER BY name""").fetch().all();
		assertThat(doubles).hasSize(2);
		assertThat(doubles).anySatisfy(row -> {
			assertThat(row.get("name")).isEqualTo("上海电影");
			assertThat((List<Object>) row.get("themes")).containsExactlyInAnyOrder("ip-animation-content",
					"state-media-channels");
		});
		assertThat(doubles).anySatisfy(row -> {
			assertThat(row.get("name")).isEqualTo("汤姆猫");
			assertThat((List<Object>) row.get("themes")).containsExactlyInAnyOrder("ai-video-tools",
					"ip-animation-content");
		});
	}

	@Test
	void everyCompanyHasItsCodeAndExchange() {
		var rows = neo4j.query("MATCH (c:Company) RETURN c.name AS name, c.code AS code, c.exchange AS exchange")
			.fetch()
			.all();
		assertThat(rows).hasSize(CODES.size());
		for (var row : rows) {
			var code = CODES.get((String) row.get("name"));
			assertThat(row.get("code")).as((String) row.get("name")).isEqualTo(code);
			assertThat(row.get("exchange")).isEqualTo(code.substring(code.indexOf('.') + 1));
		}
	}

	@Test
	void aliasesCoverChineseAndEnglishSpellings() {
		var aliases = neo4j.query("""
				MATCH (n:Entity) WHERE n.id IN ['svd', 'elevenlabs', '301110.SZ', '600640.SH']
				RETURN n.id AS id, n.aliases AS aliases""").fetch().all();
		assertThat(aliases).anySatisfy(row -> assertThat(row).containsEntry("id", "svd")
			.extractingByKey("aliases", org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("Stable Video Diffusion"));
		assertThat(aliases).anySatisfy(row -> assertThat(row).containsEntry("id", "elevenlabs")
			.extractingByKey("aliases", org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("Eleven Labs"));
		assertThat(aliases).anySatisfy(row -> assertThat(row).containsEntry("id", "301110.SZ")
			.extractingByKey("aliases", org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("青木科技"));
		assertThat(aliases).anySatisfy(row -> assertThat(row).containsEntry("id", "600640.SH")
			.extractingByKey("aliases", org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("新国脉"));
	}

	@Test
	void everyReportEdgeQuotesItsReportVerbatimAndEveryOtherEdgeNamesItsSource() {
		var reportEdges = neo4j
			.query("""
					MATCH ()-[e]->() WHERE e.report IS NOT NULL
					MATCH (r:Report {id: e.report})
					RETURN count(e) AS edges,
					       count(CASE WHEN e.quote IS NOT NULL AND r.text CONTAINS e.quote THEN 1 END) AS verbatim,
					       count(CASE WHEN e.quote IS NOT NULL AND substring(r.text, e.offset, size(e.quote)) = e.quote THEN 1 END) AS atOffset""")
			.fetch()
			.one()
			.orElseThrow();
		assertThat((Long) reportEdges.get("edges")).isGreaterThan(100);
		assertThat(reportEdges.get("verbatim")).isEqualTo(reportEdges.get("edges"));
		assertThat(reportEdges.get("atOffset")).isEqualTo(reportEdges.get("edges"));
		assertThat(count("MATCH ()-[e]->() WHERE e.source IS NULL RETURN count(e)")).isZero();
		assertThat(count("MATCH ()-[e]->() WHERE e.report IS NULL AND e.source <> 'entity-facts' RETURN count(e)"))
			.isZero();
	}

	@Test
	void theReportCarriesItsMetadataWithoutAnInventedDay() {
		var report = neo4j.query("""
				MATCH (b:Broker)-[:PUBLISHED]->(r:Report {id: 'tebon-2024-03-sora'})
				RETURN b.name AS broker, r.industry AS industry, r.rating AS rating, r.ratingAction AS action,
				       r.publishedEarliest AS earliest, r.publishedLatest AS latest, r.publishedPrecision AS precision,
				       size(r.text) AS textLength""").fetch().one().orElseThrow();
		assertThat(report).containsEntry("broker", "德邦证券")
			.containsEntry("industry", "传媒")
			.containsEntry("rating", "优于大市")
			.containsEntry("action", "维持")
			.containsEntry("earliest", "2024-03-10")
			.containsEntry("latest", "2024-03-26")
			.containsEntry("precision", "range");
		assertThat(count("""
				MATCH (p:Analyst)-[a:AUTHORED]->(:Report {id: 'tebon-2024-03-sora'})
				WHERE p.name = '马笑' AND a.sacCertificate = 'S0120522100002' RETURN count(a)""")).isEqualTo(1);
		assertThat(count("MATCH (:Report {id: 'tebon-2024-03-sora'})-[:CITES]->(c:CitedReport) RETURN count(c)"))
			.isEqualTo(5);
		assertThat(count("MATCH (:Report {id: 'tebon-2024-03-sora'})-[:FLAGS_RISK]->(r:Risk) RETURN count(r)"))
			.isEqualTo(3);
	}

	@Test
	void theNamedTechnologiesProductsAndWorksAreAllThere() {
		var technologies = List.of("sora", "diffusion", "transformer", "u-net", "re-captioning", "spacetime-patches",
				"scaling-law", "diffusion-transformer", "synthetic-data");
		var products = List.of("gen-2", "pika", "svd", "ltx-studio", "sora", "midjourney", "runway-suite", "kaiber",
				"elevenlabs", "comfyui", "adobe-firefly", "dall-e-3", "gpt", "ue5", "animatediff", "shusheng-zhumeng");
		assertThat(neo4j.query("MATCH (t:Technology) RETURN t.id").fetchAs(String.class).all())
			.containsAll(technologies);
		assertThat(neo4j.query("MATCH (p:Product) RETURN p.id").fetchAs(String.class).all()).containsAll(products);
		assertThat(count("""
				MATCH (w:Work {id: 'our-t2-remake'})-[:MADE_WITH]->(p:Product)
				WHERE p.id IN ['midjourney', 'runway-suite', 'pika', 'kaiber', 'elevenlabs', 'comfyui', 'adobe-firefly']
				RETURN count(DISTINCT p)""")).isEqualTo(7);
		assertThat(count(
				"MATCH (:Product {id: 'ltx-studio'})-[:MADE_BY]->(:Organization {id: 'lightricks'}) RETURN count(*)"))
			.isPositive();
	}

	@Test
	void loadingTheSeedDataAgainChangesNothing() throws Exception {
		var before = snapshot();
		var results = new java.util.ArrayList<LoadResult>();
		for (var folder : List.of("entities", "reports")) {
			for (var file : new PathMatchingResourcePatternResolver()
				.getResources("classpath:seed-data/" + folder + "/*.json")) {
				try (var in = file.getInputStream()) {
					results.add(loader.load(json.readTree(in), file.getFilename()));
				}
			}
		}
		assertThat(results).filteredOn(result -> result.id().equals(SEED_REPORT))
			.singleElement()
			.extracting(LoadResult::outcome)
			.isEqualTo(LoadResult.Outcome.UNCHANGED);
		assertSameGraph(snapshot(), before, "the graph");
	}

}
