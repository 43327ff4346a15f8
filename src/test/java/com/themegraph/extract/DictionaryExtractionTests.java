package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;

import com.themegraph.extract.KnownNames.Known;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognise by dictionary, decide by context (issue 24): the seed's names plus a
 * directory of invented listed companies (invented names and codes, written for this
 * test), found wherever the text prints them, and kept only where the context recommends
 * them. Each text is written in a layout real reports print.
 */
class DictionaryExtractionTests {

	static final KnownNames KNOWN = known();

	static KnownNames known() {
		var rows = new ArrayList<>(SeedNames.knownRows());
		rows.add(company("300901.SZ", "甲乙科技"));
		rows.add(company("300902.SZ", "丙丁网络"));
		rows.add(company("002903.SZ", "戊己传媒"));
		rows.add(company("9904.HK", "庚辛控股-SW"));
		rows.add(company("603905.SH", "壬癸网络"));
		rows.add(company("600906.SH", "子丑文化"));
		// One company, two listings: which one a report means, only the context says.
		rows.add(company("9907.HK", "辰巳科技-W"));
		rows.add(company("CSKJ.US", "辰巳科技"));
		return new KnownNames(rows);
	}

	private static Known company(String code, String name) {
		return new Known(code, List.of("Company", "Entity"), name, null, List.of(), null, List.of(), List.of(),
				"test-directory");
	}

	static JsonNode draft(String text) {
		var draft = DraftBuilder.build(text, KNOWN);
		ExtractionTests.assertQuotesVerbatim(draft, text);
		return draft;
	}

	static List<String> codes(JsonNode draft) {
		return LayoutExtractionTests.codes(draft);
	}

	static List<String> unresolved(JsonNode draft) {
		return LayoutExtractionTests.unresolved(draft);
	}

	static List<String> quotes(JsonNode draft) {
		var quotes = new ArrayList<String>();
		draft.path("themes")
			.forEach(theme -> theme.path("companies").forEach(c -> quotes.add(c.path("quote").asString())));
		return quotes;
	}

	@Test
	void aLabelOfTheOtherColumnGluedToANameDoesNotHideIt() {
		var draft = draft("投资要点：\n投资组合：甲乙科技、丙丁网络、\n研究助理戊己传媒等。\n刘某某\n邮箱：someone@example.com");
		assertThat(codes(draft)).containsExactly("300901.SZ", "300902.SZ", "002903.SZ");
		assertThat(unresolved(draft)).isEmpty();
	}

	@Test
	void marketLabelsWithoutColonsNameTheGroupsAndSpacesInsideNamesDoNotHideThem() {
		var draft = draft("受益标的：港股海外公司庚辛控股-SW、辰巳科技-W 等；A 股主要有壬癸 网络、子丑文化、卯辰影业等。");
		assertThat(codes(draft)).containsExactly("9904.HK", "9907.HK", "603905.SH", "600906.SH");
		assertThat(ExtractionTests.texts(draft.path("themes"), "name")).containsExactly("港股", "A 股");
		// A name no dictionary holds comes back for review, never with a code.
		assertThat(unresolved(draft)).containsExactly("卯辰影业");
	}

	@Test
	void aNameWithSeveralListingsTakesTheMarketTheTextGivesOrStaysUnderReview() {
		assertThat(codes(draft("建议关注：港股：辰巳科技、庚辛控股。"))).containsExactly("9907.HK", "9904.HK");
		assertThat(codes(draft("建议关注：美股：辰巳科技、甲乙科技。"))).containsExactly("CSKJ.US", "300901.SZ");
		// The sentence that leads to the cue names the market when the list does not.
		assertThat(codes(draft("港股方面，平台估值仍低，建议关注辰巳科技、甲乙科技。"))).containsExactly("9907.HK", "300901.SZ");
		// 港美股 names two markets: no choice.
		assertThat(codes(draft("港美股：重点关注辰巳科技、甲乙科技。"))).containsExactly("300901.SZ");
		var draft = draft("建议关注辰巳科技、甲乙科技等。");
		assertThat(codes(draft)).containsExactly("300901.SZ");
		assertThat(unresolved(draft)).containsExactly("辰巳科技");
		var ambiguous = draft.path("review").path("ambiguous").get(0);
		assertThat(ambiguous.path("text").asString()).isEqualTo("辰巳科技");
		var candidates = new ArrayList<String>();
		ambiguous.path("candidates").forEach(c -> candidates.add(c.asString()));
		assertThat(candidates).containsExactly("9907.HK (辰巳科技-W)", "CSKJ.US (辰巳科技)");
	}

	@Test
	void aKnownNameThatRunsOnIntoALongerOneIsNotThatCompany() {
		var draft = draft("建议关注甲乙科技城、丙丁网络等。");
		assertThat(codes(draft)).containsExactly("300902.SZ");
		assertThat(unresolved(draft)).containsExactly("甲乙科技城");
	}

	@Test
	void tableRowsGoUnderTheirSubHeadingAndEachIsQuotedByItsRow() {
		var draft = draft("表 3：重点公司盈利预测与估值\n公司名称 EPS（元） PE\n影视动漫\n甲乙科技 0.33 20.1\n子丑文化 0.12 35.2\n游戏\n"
				+ "丙丁网络 1.20 15.3\n资料来源：Wind，某某证券研究所");
		assertThat(ExtractionTests.texts(draft.path("themes"), "name")).containsExactly("影视动漫", "游戏");
		assertThat(codes(draft)).containsExactly("300901.SZ", "600906.SH", "300902.SZ");
		assertThat(quotes(draft)).containsExactly("甲乙科技 0.33 20.1", "子丑文化 0.12 35.2", "丙丁网络 1.20 15.3");
	}

	@Test
	void moversCitedTitlesAndProseAreNotRecommendations() {
		var draft = draft(
				"本周个股涨幅前五：\n甲乙科技 15.2% 3.10\n丙丁网络 12.1% 8.20\n" + "参见《子丑文化深度报告：内容为王》2024-01-02。戊己传媒发布了新的模型，市场反响热烈。");
		assertThat(draft.path("themes")).isEmpty();
		assertThat(unresolved(draft)).isEmpty();
	}

	@Test
	void eachCompanyOfAListIsQuotedByItsListOrSentenceNotTheWholeParagraph() {
		var draft = draft("游戏板块估值处于低位，建议关注甲乙科技、丙丁网络。另外，影视方面建议关注子丑文化。其新片定档在即，有望带动业绩。");
		assertThat(quotes(draft)).containsExactly("建议关注甲乙科技、丙丁网络", "建议关注甲乙科技、丙丁网络", "建议关注子丑文化");
	}

	@Test
	void namesTheGraphDoesNotKnowAreProposedForReviewButNotAddressesCodesOrUnits() {
		var draft = draft("本周某某发布“星河”大模型，对标 FooChat 与 Bar-2；甲乙科技（300901.SZ）PE 20 倍。\n"
				+ "分析师 某某 执业证书：S0000000000001 邮箱：someone@example.com.cn");
		assertThat(ExtractionTests.texts(draft.path("review").path("candidates"), "text")).containsExactly("FooChat",
				"Bar-2", "星河");
	}

}
