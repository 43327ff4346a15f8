package com.themegraph.ingest;

import java.io.StringReader;

import com.themegraph.GraphIT;
import com.themegraph.extract.ReportExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Listed-company directories as analysts export them (small files written here, invented
 * companies): each layout recognised by its header, companies added with the directory as
 * their source, other sources' companies left alone, the same file again writing nothing,
 * and the extractor resolving the new names and saying which source did.
 */
class CompanyDirectoryIT extends GraphIT {

	static final String SOURCE = "TEST FIXTURE directory";

	@Autowired
	CompanyDirectory directory;

	@Autowired
	ReportExtractor extractor;

	@AfterEach
	void removeDirectory() {
		neo4j.query("MATCH (n:Entity {source: $source}) DETACH DELETE n").bind(SOURCE).to("source").run();
		neo4j.query("MATCH (f:EntityFile {source: $source}) DELETE f").bind(SOURCE).to("source").run();
	}

	static final String AKSHARE = """
			code,name
			600943,测目甲
			000943,测目乙
			830943,测目丙
			300459,汤姆猫新名
			12345678,坏行
			""";

	@Test
	void anAkshareListAddsItsCompaniesAndLeavesOtherSourcesAlone() {
		var imported = directory.importFile(new StringReader(AKSHARE), "a-shares.csv", SOURCE, "2026-11-30");
		assertThat(imported).isEqualTo(new CompanyDirectory.Imported(CompanyDirectory.Layout.AKSHARE, 3, 0, 0, 1,
				java.util.List.of("line 6: \"12345678\" is not a stock code")));
		assertThat(get("/api/stocks/测目甲").body().path("code").asString()).isEqualTo("600943.SH");
		assertThat(get("/api/stocks/830943").body().path("name").asString()).isEqualTo("测目丙");
		assertThat(count("MATCH (c:Company {code: '000943.SZ', definedBy: '" + SOURCE + "'}) RETURN count(c)"))
			.isEqualTo(1);
		// 300459.SZ is entity-facts': the directory's other name for it is not taken.
		assertThat(get("/api/stocks/300459").body().path("name").asString()).isEqualTo("汤姆猫");

		var loaded = snapshot();
		var again = directory.importFile(new StringReader(AKSHARE), "a-shares.csv", SOURCE, "2026-11-30");
		assertThat(again.added()).isZero();
		assertThat(again.unchanged()).isEqualTo(3);
		assertSameGraph(snapshot(), loaded, "the graph after the same directory again");

		var renamed = directory.importFile(new StringReader(AKSHARE.replace("测目乙", "测目乙新")), "a-shares.csv", SOURCE,
				"2026-12-31");
		assertThat(renamed.updated()).isEqualTo(1);
		assertThat(get("/api/stocks/000943").body().path("name").asString()).isEqualTo("测目乙新");
	}

	@Test
	void tushareStockBasicAndTheHkexListAreRecognisedByTheirHeaders() {
		var tushare = directory.importFile(new StringReader("""
				ts_code,symbol,name,area,industry,list_date,enname
				600944.SH,600944,测图丁,上海,传媒,20200101,Test Ding Media
				"""), "stock_basic.csv", SOURCE, "2026-11-30");
		assertThat(tushare.layout()).isEqualTo(CompanyDirectory.Layout.TUSHARE);
		assertThat(get("/api/stocks/Test Ding Media").body().path("code").asString()).isEqualTo("600944.SH");

		var hkex = directory.importFile(new StringReader("""
				\uFEFFList of Securities
				Updated as at 28/11/2026
				Stock Code,Name of Securities,Category,Sub-Category,Board Lot
				09945,"测港戊, 有限",Equity,Equity Securities (Main Board),100
				04001,测债券,Debt Securities,Debt Securities,1000
				"""), "ListOfSecurities.csv", SOURCE, "2026-11-28");
		assertThat(hkex.layout()).isEqualTo(CompanyDirectory.Layout.HKEX);
		assertThat(hkex.added()).isEqualTo(1);
		assertThat(get("/api/stocks/9945 HK").body().path("name").asString()).isEqualTo("测港戊, 有限");
		assertThat(get("/api/stocks/4001.HK").status()).isEqualTo(404);
	}

	@Test
	void anUnknownHeaderOrDateIsRefusedWritingNothing() {
		var before = snapshot();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> directory.importFile(new StringReader("ticker,company\n600945,测无\n"), "x.csv", SOURCE,
					"2026-11-30"))
			.withMessage("not a listed-company directory: expected " + CompanyDirectory.ACCEPTED);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> directory.importFile(new StringReader(AKSHARE), "a.csv", SOURCE, "30/11/2026"))
			.withMessageContaining("--as-of");
		assertSameGraph(snapshot(), before, "the graph after refused directories");
	}

	@Test
	void theExtractorResolvesDirectoryCompaniesAndSaysWhichSourceDid() {
		directory.importFile(new StringReader(AKSHARE), "a-shares.csv", SOURCE, "2026-11-30");
		var draft = extractor.extract("""
				测试周报（TEST FIXTURE）
				我们认为，AI视频工具持续落地，建议关注【测目甲、汤姆猫】。
				风险提示：测试风险。
				""");
		var resolved = draft.path("review").path("resolved");
		assertThat(resolved.size()).isEqualTo(2);
		assertThat(resolved.get(0).path("code").asString()).isEqualTo("600943.SH");
		assertThat(resolved.get(0).path("source").asString()).isEqualTo(SOURCE);
		assertThat(resolved.get(1).path("code").asString()).isEqualTo("300459.SZ");
		assertThat(resolved.get(1).path("source").asString()).isEqualTo("entity-facts");
	}

	@Test
	void aRenamedCompanyKeepsItsOldNameAsAFormerNameWithTheExportDateAndItsShortForms() {
		directory.importFile(new StringReader("""
				ts_code,symbol,name,fullname,enname
				600949.SH,600949,测旧名,测旧名股份有限公司,Test Old Name Co.
				"""), "stock_basic.csv", SOURCE, "2026-03-04");
		var renamed = directory.importFile(new StringReader("""
				ts_code,symbol,name,fullname,enname
				600949.SH,600949,测新名,测新名股份有限公司,
				"""), "stock_basic.csv", SOURCE, "2026-06-21");
		assertThat(renamed.updated()).isEqualTo(1);
		var stock = get("/api/stocks/600949.SH").body();
		assertThat(stock.path("name").asString()).isEqualTo("测新名");
		assertThat(stock.path("fullName").asString()).isEqualTo("测新名股份有限公司");
		// The new export gives no English name: the one the graph had stays.
		assertThat(stock.path("nameEn").asString()).isEqualTo("Test Old Name Co.");
		assertThat(stock.path("listingSource").asString()).isEqualTo("stock_basic.csv");
		assertThat(stock.path("asOf").asString()).isEqualTo("2026-06-21");
		assertThat(stock.path("formerNames").toString()).isEqualTo("[{\"name\":\"测旧名\",\"until\":\"2026-06-21\"}]");
		var byOld = get("/api/stocks/测旧名").body();
		assertThat(byOld.path("code").asString()).isEqualTo("600949.SH");
		assertThat(byOld.path("askedAs").asString()).isEqualTo("测旧名");
		// A tag put on (ST) is no new name: the history is unchanged.
		directory.importFile(new StringReader("ts_code,name\n600949.SH,*ST测新名\n"), "stock_basic.csv", SOURCE,
				"2026-09-01");
		assertThat(get("/api/stocks/600949.SH").body().path("formerNames").size()).isEqualTo(1);
	}

	@Test
	void aTushareNamechangeFileAddsFormerNamesToTheSourcesCompaniesOnly() {
		directory.importFile(new StringReader("code,name\n600951,测现名\n"), "a.csv", SOURCE, "2026-11-30");
		var history = directory.importFile(new StringReader("""
				ts_code,name,start_date,end_date,ann_date,change_reason
				600951.SH,测现名,20250102,,20250101,改名
				600951.SH,测曾名,20200101,20250101,20191231,改名
				300459.SZ,汤姆猫旧称,20100101,20150101,20091231,改名
				600952.SH,测无此司,20100101,20150101,20091231,改名
				"""), "namechange.csv", SOURCE, "2026-11-30");
		assertThat(history.layout()).isEqualTo(CompanyDirectory.Layout.NAMECHANGE);
		assertThat(history.updated()).isEqualTo(1);
		assertThat(history.otherSources()).isEqualTo(1);
		assertThat(history.skipped())
			.containsExactly("600952.SH: no company of " + SOURCE + " has this code; its names are not kept");
		assertThat(get("/api/stocks/600951").body().path("formerNames").toString())
			.isEqualTo("[{\"name\":\"测曾名\",\"until\":\"2025-01-01\"}]");
		assertThat(get("/api/stocks/测曾名").body().path("askedAs").asString()).isEqualTo("测曾名");
		// 300459.SZ is entity-facts': its history is that file's to state.
		assertThat(get("/api/stocks/300459.SZ").body().path("formerNames").toString()).doesNotContain("汤姆猫旧称");
	}

	@Test
	void eastMoneyHongKongAndUsListsAreReadWithTheirCodes() {
		var hk = directory.importFile(new StringReader("""
				序号,代码,名称,最新价
				1,09947,测港己-W,10.5
				"""), "hk_spot.csv", SOURCE, "2026-11-30");
		assertThat(hk.layout()).isEqualTo(CompanyDirectory.Layout.AKSHARE);
		assertThat(get("/api/stocks/测港己").body().path("code").asString()).isEqualTo("9947.HK");
		var us = directory.importFile(new StringReader("""
				序号,名称,最新价,代码
				1,测美庚,3.2,105.ZZTQ
				"""), "us_spot.csv", SOURCE, "2026-11-30");
		assertThat(us.added()).isEqualTo(1);
		assertThat(get("/api/stocks/测美庚").body().path("code").asString()).isEqualTo("ZZTQ.US");
		assertThat(get("/api/stocks/ZZTQ").body().path("name").asString()).isEqualTo("测美庚");
	}

	@Test
	void aCalendarDateIsRequiredOfAsOf() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> directory.importFile(new StringReader(AKSHARE), "a.csv", SOURCE, "2026-02-30"))
			.withMessageContaining("--as-of");
	}

}
