package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vocabulary (seed-data/vocabulary/) as the seed loads it, and as the API answers it:
 * {@code GET /api/technologies} and {@code GET /api/technologies/{id}}.
 */
class VocabularyIT extends GraphIT {

	@Autowired
	VocabularyFiles vocabulary;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DocumentLoader documentLoader;

	@Autowired
	com.themegraph.graph.CypherQueries cypher;

	@Test
	void theSeedLoadsEveryVocabularyEntryWithItsSources() {
		assertThat(count("""
				MATCH (n:Entity {definedBy: 'vocabulary'})
				WHERE n:Technology OR n:Product OR n:Work
				RETURN count(n)""")).isEqualTo(195);
		assertThat(count("""
				MATCH (n:Entity {definedBy: 'vocabulary'})
				WHERE (n:Technology OR n:Product OR n:Work) AND size(coalesce(n.citationUrls, [])) = 0
				RETURN count(n)""")).isZero();
		assertThat(count("MATCH ()-[e {source: 'vocabulary'}]->() WHERE e.citationUrl IS NULL RETURN count(e)"))
			.isZero();
	}

	/** The seed's listed companies make some of it: the most direct link there is. */
	@Test
	void aListedMakerInTheGraphIsLinkedWithItsSource() {
		var rows = neo4j.query("""
				MATCH (p:Product)-[e:MADE_BY {source: 'vocabulary'}]->(c:Company)
				RETURN p.id + ' ' + c.code + ' ' + e.citationPublisher AS fact ORDER BY fact""")
			.fetchAs(String.class)
			.all();
		// The seed's companies and the shipped directory's (快手, 阿里巴巴, NVIDIA...).
		assertThat(rows).contains("miraclevision 1357.HK dfce.com.cn (网易科技)",
				"mureka 300418.SZ 网易科技态度AGI (guosisoft.com)", "skyreels 300418.SZ 网易科技态度AGI (guosisoft.com)",
				"skyreels-v2 300418.SZ arXiv", "skywork 300418.SZ arXiv", "tiangong 300418.SZ 网易 (《中国企业家》)",
				"wondershare-tianmu 300624.SZ 鈦媒體 (ch-news.com)", "kling 1024.HK 华尔街见闻 (华创证券)",
				"tongyi-wanxiang 9988.HK AiFun", "hunyuanvideo 700.HK arXiv", "cosmos NVDA.US arXiv");
	}

	@Test
	void loadingTheVocabularyAgainWritesNothing() throws Exception {
		var before = snapshot();
		var results = new ArrayList<LoadResult>();
		for (var file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:seed-data/vocabulary/*.json")) {
			try (var in = file.getInputStream()) {
				results.add(vocabulary.load(json.readTree(in), "seed-data/vocabulary/" + file.getFilename()));
			}
		}
		assertThat(results).hasSize(5).allSatisfy(result -> assertThat(result.nodes()).isZero());
		assertSameGraph(snapshot(), before, "the graph");
	}

	/**
	 * A maker whose company is not in the graph is left out, and the same file loaded
	 * once the company is there links it: the directory may arrive after the vocabulary.
	 */
	@Test
	void aMakerLeftOutIsLinkedOnceItsCompanyArrives() throws Exception {
		var file = json.readTree("""
				{"kind": "vocabulary", "title": "TEST FIXTURE vocabulary",
				 "entries": [{"id": "test-vocabulary-model", "kind": "product", "name": "测试词表模型",
				   "maker": {"id": "688999.SH", "source": "page"},
				   "sources": [{"id": "page", "title": "TEST FIXTURE page", "publisher": "TEST FIXTURE",
				                "url": "https://example.org/test-vocabulary-model"}]}]}""");
		var template = new TransactionTemplate(transactions);
		template.executeWithoutResult(status -> {
			vocabulary.load(file, "seed-data/vocabulary/test-fixture.json");
			assertThat(count("MATCH (:Product {id: 'test-vocabulary-model'})-[e:MADE_BY]->() RETURN count(e)"))
				.isZero();
			documentLoader.load(json.readTree("""
					{"kind": "entities", "source": "TEST FIXTURE directory",
					 "companies": [{"code": "688999.SH", "name": "测试词表公司"}]}"""), "test-directory.json");
			vocabulary.load(file, "seed-data/vocabulary/test-fixture.json");
			assertThat(count("""
					MATCH (:Product {id: 'test-vocabulary-model'})-[e:MADE_BY]->(:Company {code: '688999.SH'})
					WHERE e.citationUrl = 'https://example.org/test-vocabulary-model'
					RETURN count(e)""")).isOne();
			status.setRollbackOnly();
		});
		assertThat(count("MATCH (n {id: 'test-vocabulary-model'}) RETURN count(n)")).isZero();
	}

	@Test
	void theListIsOnePageShapeFilteredByKind() {
		var all = get("/api/technologies?limit=2");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().path("total").asLong()).isEqualTo(232);
		assertThat(texts(all.body().path("items"), "id")).containsExactly("adobe-firefly", "ai-animation");
		var works = get("/api/technologies?kind=work&limit=500");
		assertThat(works.body().path("total").asLong()).isEqualTo(14);
		assertThat(texts(works.body().path("items"), "id")).contains("qianqiu-shisong", "air-head", "terminator-2");
		var sora = get("/api/technologies?kind=technology&skip=0&limit=500");
		assertThat(texts(sora.body().path("items"), "id")).contains("sora", "gan", "digital-human");
		var product = get("/api/technologies?kind=product&limit=500");
		var tiangong = find(product.body().path("items"), "tiangong");
		assertThat(tiangong.path("makers").get(0).path("id").asString()).isEqualTo("300418.SZ");
		assertThat(tiangong.path("kinds").get(0).asString()).isEqualTo("Product");
		var bad = get("/api/technologies?kind=model");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().path("detail").asString()).contains("kind");
	}

	@Test
	void aProductsPageShowsEveryFactWithItsSource() {
		var kling = get("/api/technologies/可灵");
		assertThat(kling.status()).isEqualTo(200);
		var body = kling.body();
		assertThat(body.path("id").asString()).isEqualTo("kling");
		assertThat(body.path("nameEn").asString()).isEqualTo("Kling");
		assertThat(body.path("definedBy").asString()).isEqualTo("vocabulary");
		assertThat(body.path("dates").get(0).path("event").asString()).isEqualTo("announced");
		assertThat(body.path("dates").get(0).path("date").asString()).isEqualTo("2024-06-06");
		assertThat(body.path("dates").get(0).path("citation").path("url").asString())
			.isEqualTo("https://wallstreetcn.com/articles/3716843");
		assertThat(texts(body.path("sources"), "url")).containsExactly("https://wallstreetcn.com/articles/3716843",
				"http://tianshuns.com/3650.html");
		var relations = new ArrayList<String>();
		body.path("relations")
			.forEach(fact -> relations.add(fact.path("direction").asString() + " " + fact.path("predicate").asString()
					+ " " + fact.path("id").asString() + " " + fact.path("citation").path("publisher").asString()));
		assertThat(relations).containsExactly("out IS_A ai-video-generation 华尔街见闻 (华创证券)",
				"out USES diffusion-transformer 华尔街见闻 (华创证券)", "in MADE_WITH shanhai-qijing yaliqi.com",
				"in SUCCEEDS kling-2-0 股票复盘网 (华创证券)");
		// 快手 (1024.HK) is a company of the shipped directory: Kling's maker.
		assertThat(body.path("makers").size()).isEqualTo(1);
		assertThat(body.path("makers").get(0).path("id").asString()).isEqualTo("1024.HK");
		assertThat(body.path("makers").get(0).path("citation").path("url").asString())
			.isEqualTo("https://wallstreetcn.com/articles/3716843");
		var tianmu = get("/api/technologies/wondershare-tianmu").body();
		assertThat(tianmu.path("makers").get(0).path("id").asString()).isEqualTo("300624.SZ");
		assertThat(tianmu.path("makers").get(0).path("source").asString()).isEqualTo("vocabulary");
		assertThat(tianmu.path("makers").get(0).path("citation").path("date").asString()).isEqualTo("2024-02-06");
	}

	/**
	 * A listed company ranks first under the product it makes, through a maker path whose
	 * step shows the source of the fact; a window leaves it out, as it rests on no
	 * report.
	 */
	@Test
	void theMakerRanksFirstUnderItsProductWithTheFactsSource() {
		for (var sort : List.of("rank", "newest")) {
			var tianmu = get("/api/technologies/wondershare-tianmu/stocks?sort=" + sort).body();
			assertThat(tianmu.path("total").asInt()).isOne();
			var first = tianmu.path("items").get(0);
			assertThat(first.path("code").asString()).isEqualTo("300624.SZ");
			assertThat(first.path("score").asInt()).isEqualTo(4);
			var path = first.path("paths").get(0);
			assertThat(path.path("kind").asString()).isEqualTo("maker");
			assertThat(path.path("weight").asInt()).isEqualTo(4);
			var step = path.path("steps").get(0);
			assertThat(List.of(step.path("type").asString(), step.path("from").path("id").asString(),
					step.path("to").path("id").asString()))
				.containsExactly("MADE_BY", "wondershare-tianmu", "300624.SZ");
			assertThat(step.path("citation").path("url").asString())
				.isEqualTo("https://ch-news.com/article/46392.html");
		}
		assertThat(get("/api/technologies/wondershare-tianmu/stocks?since=2024-01-01").body().path("total").asInt())
			.isZero();
		var exposure = get("/api/stocks/300624.SZ/exposure?limit=500").body().path("exposures").path("items");
		assertThat(find(exposure, "wondershare-tianmu").path("score").asInt()).isEqualTo(4);
	}

	/**
	 * Once 快手 (1024.HK) is in the graph, reloading the vocabulary ranks it first under
	 * 可灵, kept and computed alike (in a transaction rolled back: the seed has no 快手).
	 */
	@Test
	void kuaishouRanksFirstUnderKlingOnceItIsInTheGraph() throws Exception {
		var video = new PathMatchingResourcePatternResolver()
			.getResource("classpath:seed-data/vocabulary/20-video.json");
		var template = new TransactionTemplate(transactions);
		template.executeWithoutResult(status -> {
			documentLoader.load(json.readTree("""
					{"kind": "entities", "source": "TEST FIXTURE directory",
					 "companies": [{"code": "1024.HK", "name": "快手-W", "nameEn": "Kuaishou Technology"}]}"""),
					"test-directory.json");
			try (var in = video.getInputStream()) {
				vocabulary.load(json.readTree(in), "seed-data/vocabulary/20-video.json");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			assertThat(neo4j.query("MATCH (e:Exposure {code: '1024.HK', target: 'kling'}) RETURN e.score")
				.fetchAs(Long.class)
				.one()).contains(4L);
			var computed = neo4j.query(cypher.get("technology-stocks-computed"))
				.bindAll(new java.util.HashMap<>(
						java.util.Map.of("id", "kling", "skip", 0, "limit", 1, "sort", "rank")) {
					{
						put("since", null);
						put("until", null);
						put("pathLimit", null);
					}
				})
				.fetch()
				.one()
				.orElseThrow();
			@SuppressWarnings("unchecked")
			var stock = ((List<java.util.Map<String, Object>>) computed.get("stocks")).get(0);
			assertThat(stock).containsEntry("code", "1024.HK").containsEntry("score", 4L);
			status.setRollbackOnly();
		});
	}

	/**
	 * A model the seed report never names is linked to the stocks of the theme about AI
	 * video generation, which the vocabulary says it is.
	 */
	@Test
	void aVocabularyModelRanksTheStocksOfTheThemeAboutWhatItIs() {
		var kling = get("/api/technologies/kling/stocks").body();
		assertThat(kling.path("total").asInt()).isEqualTo(6);
		// Its maker first (a maker path weighs 4), then the theme's stocks.
		assertThat(texts(kling.path("items"), "code")).containsExactly("1024.HK", "1357.HK", "300418.SZ", "300459.SZ",
				"300624.SZ", "603466.SH");
		var maker = kling.path("items").get(0).path("paths").get(0);
		assertThat(maker.path("kind").asString()).isEqualTo("maker");
		assertThat(maker.path("weight").asInt()).isEqualTo(4);
		var path = kling.path("items").get(1).path("paths").get(0);
		assertThat(path.path("kind").asString()).isEqualTo("theme-about-related");
		assertThat(path.path("weight").asInt()).isEqualTo(2);
	}

	/**
	 * The seed report's entities answer with the report that discusses them and its
	 * quote.
	 */
	@Test
	void aPageListsTheReportsThatDiscussIt() {
		var sora = get("/api/technologies/sora").body();
		assertThat(sora.path("kinds").size()).isEqualTo(2);
		assertThat(texts(sora.path("reports"), "relation")).containsExactly("ABOUT", "MENTIONS");
		assertThat(sora.path("reports").get(0).path("broker").asString()).isEqualTo("德邦证券");
		assertThat(texts(sora.path("relations"), "id")).contains("sora-2");
		var missing = get("/api/technologies/kling-9");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(texts(missing.body().path("suggestions"), "id")).contains("kling");
	}

	private static List<String> texts(JsonNode array, String field) {
		var values = new ArrayList<String>();
		array.forEach(item -> values.add(item.path(field).asString()));
		return values;
	}

	private static JsonNode find(JsonNode array, String id) {
		for (var item : array) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no " + id);
	}

}
