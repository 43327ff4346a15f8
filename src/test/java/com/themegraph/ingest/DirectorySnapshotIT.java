package com.themegraph.ingest;

import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listed-company directory shipped in seed-data/directory/ and loaded at start, read
 * as an analyst would: companies no report names found by code, short name, full-width or
 * spaced name, former name (answering the current company with askedAs) and curated short
 * form; a dual listing's name left to the asker; an unknown name given no code; and no
 * ranking changed by companies no report recommends.
 */
class DirectorySnapshotIT extends GraphIT {

	@Test
	void aCompanyNoReportNamesIsFoundByCodeAndNameWithItsSource() {
		var stock = get("/api/stocks/完美世界").body();
		assertThat(stock.path("code").asString()).isEqualTo("002624.SZ");
		assertThat(stock.path("exchange").asString()).isEqualTo("SZ");
		assertThat(stock.path("fullName").asString()).isEqualTo("完美世界股份有限公司");
		assertThat(stock.path("nameEn").asString()).isEqualTo("Perfect World Co., Ltd.");
		assertThat(stock.path("source").asString()).isEqualTo("directory");
		assertThat(stock.path("listingSource").asString()).startsWith("tushare-stock_basic/");
		assertThat(stock.path("asOf").asString()).isEqualTo("2026-03-04");
		assertThat(stock.path("listingStatus").asString()).isEqualTo("listed");
		for (var asked : List.of("002624", "SZ002624", "002624.XSHE", "完 美 世 界", "完美世界")) {
			assertThat(get("/api/stocks/" + asked).body().path("code").asString()).as(asked).isEqualTo("002624.SZ");
		}
	}

	@Test
	void aFormerNameAnswersTheCurrentCompanyWithAskedAs() {
		var stock = get("/api/stocks/银泰黄金").body();
		assertThat(stock.path("code").asString()).isEqualTo("000975.SZ");
		assertThat(stock.path("name").asString()).isEqualTo("山金国际");
		assertThat(stock.path("askedAs").asString()).isEqualTo("银泰黄金");
		assertThat(stock.path("formerNames").toString())
			.isEqualTo("[{\"name\":\"银泰资源\",\"until\":\"2019-11-12\"},{\"name\":\"银泰黄金\",\"until\":\"2024-08-09\"}]");
		// Asked by the current name, nothing was asked "as" another.
		assertThat(get("/api/stocks/山金国际").body().path("askedAs").isMissingNode()).isTrue();
	}

	@Test
	void curatedShortFormsAndMarketTagsResolve() {
		assertThat(code("腾讯")).isEqualTo("700.HK");
		assertThat(code("美团")).isEqualTo("3690.HK");
		assertThat(code("美团-W")).isEqualTo("3690.HK");
		assertThat(code("快手")).isEqualTo("1024.HK");
		assertThat(code("英伟达")).isEqualTo("NVDA.US");
		assertThat(code("NVDA")).isEqualTo("NVDA.US");
		assertThat(code("NVDA.O")).isEqualTo("NVDA.US");
		assertThat(code("Tencent Holdings Ltd.")).isEqualTo("700.HK");
	}

	@Test
	void aDualListingIsTwoCompaniesOfOneIssuerAndItsNameIsLeftToTheAsker() {
		var a = get("/api/stocks/601811.SH").body();
		assertThat(a.path("name").asString()).isEqualTo("新华文轩");
		assertThat(a.path("sameIssuer").toString()).isEqualTo("[\"811.HK\"]");
		assertThat(get("/api/stocks/811.HK").body().path("sameIssuer").toString()).isEqualTo("[\"601811.SH\"]");
		var bilibili = get("/api/stocks/9626.HK").body();
		assertThat(bilibili.path("name").asString()).isEqualTo("哔哩哔哩-W");
		assertThat(bilibili.path("sameIssuer").toString()).isEqualTo("[\"BILI.US\"]");
		// The name alone gives no market: never one of them silently.
		var ambiguous = get("/api/stocks/新华文轩");
		assertThat(ambiguous.status()).isEqualTo(400);
		assertThat(ambiguous.body().path("type").asString()).endsWith("/ambiguous-name");
		assertThat(ambiguous.body().path("candidates").toString())
			.isEqualTo("[{\"code\":\"601811.SH\",\"name\":\"新华文轩\"},{\"code\":\"811.HK\",\"name\":\"新华文轩\"}]");
		assertThat(get("/api/stocks/哔哩哔哩").body().path("detail").asString()).contains("9626.HK").contains("BILI.US");
	}

	@Test
	void anUnknownNameIsNotFoundAndGivenNoCode() {
		var unknown = get("/api/stocks/测未知无名公司");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().path("code").isMissingNode()).isTrue();
	}

	@Test
	void everyCompanyIsPagedAndFiltered() {
		var all = get("/api/companies?limit=3").body();
		assertThat(all.path("total").asLong()).isEqualTo(count("MATCH (c:Company) RETURN count(c)"))
			.isGreaterThan(9_000);
		assertThat(all.path("items").size()).isEqualTo(3);
		assertThat(all.path("items").get(0).path("code").asString()).isEqualTo("000001.SZ");
		var hk = get("/api/companies?exchange=HK&limit=500").body();
		assertThat(hk.path("total").asLong()).isEqualTo(count("MATCH (c:Company {exchange: 'HK'}) RETURN count(c)"))
			.isGreaterThan(2_500);
		hk.path("items").forEach(item -> assertThat(item.path("exchange").asString()).isEqualTo("HK"));
		var recommended = get("/api/companies?recommended=true&limit=500").body();
		assertThat(recommended.path("total").asLong())
			.isEqualTo(count("MATCH (c:Company) WHERE EXISTS { (c)<-[:RECOMMENDS]-(:Theme) } RETURN count(c)"));
		recommended.path("items").forEach(item -> assertThat(item.path("reports").asLong()).isPositive());
		var directory = get("/api/companies?source=directory&recommended=false&limit=1").body();
		assertThat(directory.path("total").asLong())
			.isEqualTo(count("MATCH (c:Company {definedBy: 'directory'}) RETURN count(c)"));
		assertThat(get("/api/companies?exchange=XX").status()).isEqualTo(400);
	}

	@Test
	void aDirectoryCompanyNoReportRecommendsIsInNoRanking() {
		var exposure = get("/api/stocks/002624.SZ/exposure").body();
		assertThat(exposure.path("themes").path("total").asLong()).isZero();
		assertThat(exposure.path("exposures").path("total").asLong()).isZero();
		assertThat(count("""
				MATCH (c:Company {definedBy: 'directory'})
				WHERE NOT EXISTS { (c)--() } AND EXISTS { MATCH (e:Exposure {code: c.code}) } RETURN count(c)"""))
			.isZero();
		// A directory company the vocabulary names as a maker ranks under what it makes,
		// through maker paths only: no report recommends it.
		var kuaishou = get("/api/stocks/1024.HK/exposure").body();
		assertThat(kuaishou.path("themes").path("total").asLong()).isZero();
		assertThat(kuaishou.path("exposures").path("total").asLong()).isPositive();
		kuaishou.path("exposures")
			.path("items")
			.forEach(item -> item.path("paths")
				.forEach(path -> assertThat(path.path("kind").asString()).isEqualTo("maker")));
	}

	private String code(String asked) {
		var answer = get("/api/stocks/" + asked);
		assertThat(answer.status()).as(asked).isEqualTo(200);
		return answer.body().path("code").asString();
	}

}
