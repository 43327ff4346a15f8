package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layouts real broker reports print, each in a text written for this test (invented
 * names, except seed companies whose codes the seed data gives), with the names the seed
 * graph knows. Issue 11 lists the layouts and the faults these tests pin down.
 */
class LayoutExtractionTests {

	static final KnownNames KNOWN = SeedNames.known();

	static JsonNode draft(String text) {
		var draft = DraftBuilder.build(text, KNOWN);
		ExtractionTests.assertQuotesVerbatim(draft, text);
		return draft;
	}

	static List<String> unresolved(JsonNode draft) {
		return ExtractionTests.texts(draft.path("review").path("unresolved"), "text");
	}

	static List<String> codes(JsonNode draft) {
		var codes = new ArrayList<String>();
		draft.path("themes")
			.forEach(theme -> theme.path("companies").forEach(c -> codes.add(c.path("code").asString())));
		return codes;
	}

	@Test
	void aListAfterACueEndsAtTheSentenceAndItsUnknownNamesGoUnderReview() {
		var draft = draft("港股方面，平台估值仍低，重点关注现金流改善个股，建议关注甲骨科技、乙丙网络、丁戊娱乐等。其余公司表现平稳。\n"
				+ "影视方向，建议关注芒果超媒、光线传媒；应用赛道建议关注己庚游戏（新品测试在即）、辛壬互娱。");
		assertThat(unresolved(draft)).containsExactly("甲骨科技", "乙丙网络", "丁戊娱乐", "己庚游戏", "辛壬互娱");
		assertThat(codes(draft)).containsExactly("300413.SZ", "300251.SZ");
		assertThat(draft.path("themes")).hasSize(1);
		assertThat(draft.path("themes").get(0).path("name").asString()).isEqualTo("影视方向");
	}

	@Test
	void marketLabelsAfterACueEachStartAGroupAndSemicolonsDoNotEndTheList() {
		var draft = draft("建议关注：港股：芒果超媒、甲乙科技；A 股：光线传媒、戊己传媒。");
		assertThat(unresolved(draft)).containsExactly("甲乙科技", "戊己传媒");
		assertThat(codes(draft)).containsExactly("300413.SZ", "300251.SZ");
		assertThat(ExtractionTests.texts(draft.path("themes"), "name")).containsExactly("港股", "A 股");
	}

	@Test
	void numberedPointsAndColonHeadingsEachStartAList() {
		var draft = draft(
				"建议积极关注产业链各环节：1）内容制作：建议关注甲乙影视、丙丁文化等；2）播出平台：建议关注戊己视讯、庚辛控股等。" + "首要推荐强出海的壬癸科技（海外收入占比高），预计是板块反弹的先行标的。");
		assertThat(unresolved(draft)).containsExactly("甲乙影视", "丙丁文化", "戊己视讯", "庚辛控股", "壬癸科技");
		assertThat(draft.path("themes")).isEmpty();
	}

	@Test
	void descriptorsBeforeTheNamesAndAfterTheColonAreNotCompanies() {
		var draft = draft("港美股：重点关注业绩有望超预期的标的，如甲乙控股、丙丁集团；回购力度较大的弹性标的：戊己巴巴、庚辛集团等；主线标的：壬癸集团等。");
		assertThat(unresolved(draft)).containsExactly("甲乙控股", "丙丁集团", "戊己巴巴", "庚辛集团", "壬癸集团");
	}

	@Test
	void sectorListsHeadingsAndCitedTitlesAreNotLists() {
		var draft = draft("【本周思考】 建议关注AI、出版、电影、游戏等板块机会。【投资建议-传媒】 我们维持推荐。\n"
				+ "参见《建议关注甲乙科技、丙丁传媒的理由》2024-01-02。建议关注收并购、高分红、减税等机会。");
		assertThat(unresolved(draft)).isEmpty();
		assertThat(draft.path("themes")).isEmpty();
	}

	@Test
	void twoItemsAreNeverJoinedAndANameWhoseCodeIsAnotherCompanyIsAmbiguous() {
		// 300459 is 汤姆猫 in the graph; 昆仑万维 is 300418.SZ.
		var draft = draft("建议关注相关公司：【某公司，昆仑万维（300459）】");
		assertThat(codes(draft)).isEmpty();
		var items = draft.path("review").path("unresolved");
		assertThat(unresolved(draft)).containsExactly("某公司", "昆仑万维");
		assertThat(items.get(1).path("why").asString()).contains("300418.SZ").contains("300459.SZ").contains("汤姆猫");
	}

	@Test
	void aPrintedCodeResolvesItsOwnItemOnly() {
		var draft = draft("建议关注甲乙科技、芒果超媒（300413）、丙丁传媒等。");
		assertThat(codes(draft)).containsExactly("300413.SZ");
		assertThat(unresolved(draft)).containsExactly("甲乙科技", "丙丁传媒");
	}

	@Test
	void namesKeepTheMarketsTagsAsPrinted() {
		var draft = draft("建议关注甲乙科技-SW、*ST丙丁、戊己控股-W。");
		assertThat(unresolved(draft)).containsExactly("甲乙科技-SW", "*ST丙丁", "戊己控股-W");
	}

	@Test
	void aFlattenedTableOfCoveredCompaniesGivesEachNameWithItsCode() {
		var draft = draft("表1：重点公司盈利预测与估值\n影视动漫\n芒果超媒 300413.SZ 40.15 751.1 14,102\n"
				+ "提高用户黏性 甲乙传媒 002999.SZ 8.86 168.4 3,297\n丙丁股份 002463 CH 59.30 买入\n微星(Microstar) MSTR US 12.10 买入\n"
				+ "戊己数智 01999.HK 3.70 买入\n资料来源：Wind");
		assertThat(codes(draft)).containsExactly("300413.SZ");
		assertThat(unresolved(draft)).containsExactly("甲乙传媒", "丙丁股份", "微星(Microstar)", "戊己数智");
		// A code the graph does not have is not drafted as a company's code.
		assertThat(draft.toString()).doesNotContain("\"code\":\"002999.SZ\"");
	}

	@Test
	void aTableWithoutCodesInTraditionalCharactersIsReadByItsRows() {
		var draft = draft("傳媒 3.39 43.06 7.00 滬深 300 1.76\n重點股票 2023A 2024E 評級\n芒果超媒 1.90 14.93 增持 丙丁傳媒 0.33 20.97 買入\n"
				+ "資料來源：Wind");
		assertThat(codes(draft)).containsExactly("300413.SZ");
		assertThat(unresolved(draft)).containsExactly("丙丁傳媒");
	}

	@Test
	void aCompanyReportInDoubledTraditionalTextGivesItsCompanyRatingDateBrokerAndAnalysts() {
		var text = """
				公司研究公司研究 南山證券研究所南山證券研究所
				藍色光標(300058) 以新技術看營銷新機遇以新技術看營銷新機遇
				2023 年年 05 月月 24 日日
				證券分析師證券分析師 王小明王小明 執業證書：S0600516070009
				研究助理研究助理 李小紅李小紅 執業證書：S0600122090009
				買入買入（維持維持）
				""";
		var draft = draft(text);
		assertThat(codes(draft)).containsExactly("300058.SZ");
		assertThat(draft.path("rating").asString()).isEqualTo("买入");
		assertThat(draft.path("ratingAction").asString()).isEqualTo("维持");
		assertThat(draft.path("published").path("earliest").asString()).isEqualTo("2023-05-24");
		assertThat(draft.path("published").path("latest").asString()).isEqualTo("2023-05-24");
		var broker = draft.path("broker").asString();
		assertThat(draft.path("entities").path("organizations")).singleElement().satisfies(org -> {
			assertThat(org.path("id").asString()).isEqualTo(broker);
			assertThat(org.path("name").asString()).isEqualTo("南山证券");
		});
		assertThat(ExtractionTests.texts(draft.path("analysts"), "sacCertificate")).containsExactly("S0600516070009",
				"S0600122090009");
		assertThat(ExtractionTests.texts(draft.path("entities").path("people"), "name")).containsExactly("王小明", "李小紅");
	}

	@Test
	void bylinesWithTheNameBeforeTheRoleAfterABarOrRunIntoATitle() {
		var draft = draft("""
				赵一 分析师 SAC 执业证书编号：S1450522040009 钱二 分析师 SAC 执业证书编号：S1450524050009
				分析师 | 孙三 S0800518050009
				周小四传媒互联网首席分析师 执业编号：S1500522010009
				""");
		assertThat(ExtractionTests.texts(draft.path("entities").path("people"), "name")).containsExactly("赵一", "钱二",
				"孙三", "周小四");
		assertThat(ExtractionTests.texts(draft.path("analysts"), "sacCertificate")).containsExactly("S1450522040009",
				"S1450524050009", "S0800518050009", "S1500522010009");
	}

	@Test
	void aKnownBrokerIsNamedFromItsHouseNameAndTheRatingActionFromThePreviousRating() {
		var draft = draft("传媒行业中期策略\n德邦研究 投资评级看好上次评级看好\n");
		assertThat(draft.path("broker").asString()).isEqualTo("tebon-securities");
		assertThat(draft.path("rating").asString()).isEqualTo("看好");
		assertThat(draft.path("ratingAction").asString()).isEqualTo("维持");
	}

	@Test
	void theDateIsTheReportsOwnNeverACitedReportsAndItsAbsenceIsSaid() {
		var cited = draft("相关报告\n1《甲乙行业点评：新规发布》2024-05-29\n截至2024年6月30日，板块上涨。");
		assertThat(cited.has("published")).isFalse();
		assertThat(cited.path("review").path("missing").findValuesAsString("field")).contains("/published");
		var own = draft("甲乙行业周报\n2024-07-22\n相关报告\n1《甲乙行业点评》2024-05-29");
		assertThat(own.path("published").path("earliest").asString()).isEqualTo("2024-07-22");
	}

	@Test
	void pageChromeIsNeverTheTitle() {
		var draft = draft("You are on page 1of 36\n\n游戏全产业链迎来升级\n投资要点\n建议关注甲乙科技、丙丁传媒。");
		assertThat(draft.path("title").asString()).isEqualTo("游戏全产业链迎来升级");
	}

	@Test
	void aNameSplitByTheOtherColumnsAxisLabelOrNumberIsStillFound() {
		var text = "建议关注甲乙科技、丙丁\n-20%\n网络、戊己\n2024E\n传媒、庚辛\n0.5\n数码、芒果\n%\n超媒。";
		var draft = draft(text);
		// Matched without the token; the names under review are cut from the text as
		// printed.
		assertThat(unresolved(draft)).containsExactly("甲乙科技", "丙丁-20%网络", "戊己 2024E 传媒", "庚辛 0.5 数码");
		assertThat(codes(draft)).containsExactly("300413.SZ");
	}

}
