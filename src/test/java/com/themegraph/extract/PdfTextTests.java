package com.themegraph.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PDF reports in, text in reading order out, against PDFs the tests make (TestPdfs): the
 * same draft as from the report's text, columns read one after the other, table rows kept
 * whole, and every PDF that gives no text refused with the reason.
 */
class PdfTextTests {

	/**
	 * An invented weekly report, laid out as the seed's first pages are (sector, rating,
	 * byline, cited reports, title, points with recommendation lists, risks), then its
	 * disclosures on page 2. The companies are the seed graph's, so the lists resolve.
	 */
	static final List<String> PAGE_ONE = List.of("传媒", "优于大市（维持）", "证券分析师", "林知远", "资格编号：S0120523040007",
			"邮箱：linzy@example.com", "研究助理", "周若溪", "相关研究", "- 《传媒行业周报：多模态模型密集发布》，2024.4.7",
			"- 《传媒行业月报：AI 视频工具进入商用》，2024.3.31", "AI 视频工具加速落地，关注内容与营销公司的应用进展", "投资要点：", "- 视频生成模型的时长与一致性继续提升，创作工具的",
			"  商业化开始兑现，订阅与按量计费两种模式并行。", "- 建议关注：1) AI 视频工具与应用公司：", "  【万兴科技，昆仑万维，美图公司】等。",
			"  2) 内容与 IP 储备丰富的公司：【中文在线，上海电影，", "  光线传媒】等。", "  3) 营销应用场景公司：【蓝色光标，因赛集团】等。");

	static final List<String> PAGE_TWO = List.of("- 风险提示：技术进展不及预期；行业竞争加剧。", "信息披露", "分析师声明",
			"本人具有中国证券业协会授予的证券投资咨询执业资格。", "法律声明", "本报告仅供示例证券股份有限公司的客户使用。");

	@BeforeEach
	void font() {
		TestPdfs.requireFont();
	}

	static String read(byte[] pdf) {
		return PdfText.read(pdf, Budget.unlimited());
	}

	static String lines(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

	@Test
	void aTwoPageReportReadsAsItsTextAndDraftsTheSameCompaniesCodesAndAnalysts() {
		var text = lines(PAGE_ONE) + lines(PAGE_TWO);
		var pdfText = read(TestPdfs.pages(List.of(PAGE_ONE, PAGE_TWO)));
		// Indents and the blank line PDFBox ends each page with aside, the text as laid
		// out.
		assertThat(pdfText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList())
			.isEqualTo(text.lines().map(String::strip).toList());
		assertThat(pdfText).contains("等。\n\n- 风险提示");

		var names = SeedNames.known();
		var fromText = DraftBuilder.build(text, names);
		var fromPdf = DraftBuilder.build(pdfText, names);
		assertThat(codes(fromPdf)).isEqualTo(codes(fromText))
			.containsSubsequence("300624.SZ", "300418.SZ", "1357.HK")
			.contains("300058.SZ");
		// Draft ids of new people are drawn from the text's hash: the rest must match.
		for (var field : List.of("role", "sacCertificate", "quote")) {
			assertThat(field(fromPdf.path("analysts"), field)).isEqualTo(field(fromText.path("analysts"), field));
		}
		assertThat(field(fromPdf.path("analysts"), "quote")).contains("研究助理\n周若溪");
		assertThat(field(fromPdf.path("analysts"), "sacCertificate"))
			.isEqualTo(field(fromText.path("analysts"), "sacCertificate"))
			.contains("S0120523040007");
		assertThat(fromPdf.path("broker")).isEqualTo(fromText.path("broker"));
		assertThat(fromPdf.path("review").path("unresolved")).isEqualTo(fromText.path("review").path("unresolved"));
	}

	@Test
	void twoColumnsDrawnRowByRowAreReadColumnByColumn() {
		var left = List.of("左栏第一行：视频生成模型的时长", "继续提升，创作工具的商业化开始", "兑现，订阅与按量计费两种模式", "并行，用户规模增长较快。", "建议关注：【万兴科技，美图公司】");
		var right = List.of("右栏第一行：营销场景的素材需求", "旺盛，广告主开始批量使用生成", "工具制作短视频，投放效率提升，", "代理商的服务模式随之变化。",
				"建议关注：【蓝色光标，因赛集团】");
		var pdf = TestPdfs.twoColumns("AI 应用周报（两栏）", left, right, "第 1 页 共 1 页");
		var expected = new ArrayList<String>();
		expected.add("AI 应用周报（两栏）");
		expected.addAll(left);
		expected.addAll(right);
		expected.add("第 1 页 共 1 页");
		assertThat(read(pdf).lines().map(String::strip).filter(line -> !line.isEmpty()).toList()).isEqualTo(expected);
	}

	/**
	 * A broker's first page: a narrow sidebar (rating, byline, market data) beside the
	 * body, whose lines run on below the sidebar's end.
	 */
	@Test
	void aSidebarBesideTheBodyIsReadBeforeTheBody() {
		var sidebar = List.of("优于大市（维持）", "证券分析师", "林知远", "资格编号：S0120523040007", "研究助理", "周若溪");
		var body = List.of("AI 视频工具加速落地，关注内容与营销公司的应用进展。视频", "生成模型的时长与一致性继续提升，创作工具的商业化开始兑",
				"现，订阅与按量计费两种模式并行。建议关注 AI 视频工具与", "应用公司：【万兴科技，昆仑万维，美图公司】等。内容与 IP", "储备丰富的公司：【中文在线，上海电影，光线传媒】等。营销",
				"应用场景公司：【蓝色光标，因赛集团】等。风险提示：技术进", "展不及预期；行业竞争加剧。", "以上观点仅供参考，不构成投资建议。");
		var pdf = TestPdfs.twoColumns("传媒行业周报", sidebar, body, "请务必阅读正文之后的信息披露和法律声明", 150);
		var expected = new ArrayList<String>();
		expected.add("传媒行业周报");
		expected.addAll(sidebar);
		expected.addAll(body);
		expected.add("请务必阅读正文之后的信息披露和法律声明");
		assertThat(read(pdf).lines().map(String::strip).filter(line -> !line.isEmpty()).toList()).isEqualTo(expected);
	}

	@Test
	void aTableOfCoveredCompaniesKeepsEachNameWithItsCodeOnItsRow() {
		var rows = List.of(List.of("万兴科技", "300624.SZ", "78.50", "买入"), List.of("昆仑万维", "300418.SZ", "41.20", "增持"),
				List.of("美图公司", "1357.HK", "3.05", "买入"), List.of("蓝色光标", "300058.SZ", "8.91", "增持"),
				List.of("中文在线", "300364.SZ", "22.40", "买入"));
		var pdf = TestPdfs.table(List.of("重点公司估值表", "公司 代码 股价 评级"), rows, new float[] { 0, 120, 240, 330 });
		var lines = read(pdf).lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
		for (var row : rows) {
			assertThat(lines).contains(String.join(" ", row));
		}
	}

	@Test
	void bytesWithoutThePdfHeaderAreNotAPdf() {
		assertThat(PdfText.isPdf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(PdfText.isPdf(("junk before it\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(PdfText.isPdf(("x".repeat(1100) + "%PDF-1.4").getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(PdfText.isPdf("传媒行业周报".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(PdfText.isPdf(new byte[0])).isFalse();
		assertRefused("传媒行业周报".getBytes(StandardCharsets.UTF_8), PdfRefusedException.Reason.NOT_PDF, "not a PDF");
	}

	@Test
	void aDamagedPdfIsRefusedAsDamaged() {
		assertRefused(
				"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n%%EOF".getBytes(StandardCharsets.US_ASCII),
				PdfRefusedException.Reason.DAMAGED, "The PDF is damaged");
		assertRefused("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), PdfRefusedException.Reason.DAMAGED,
				"The PDF is damaged");
		var whole = TestPdfs.pages(List.of(PAGE_ONE));
		assertRefused(Arrays.copyOf(whole, 200), PdfRefusedException.Reason.DAMAGED, "The PDF is damaged");
	}

	@Test
	void aPdfThatNeedsAPasswordIsRefusedSayingSoAndOneThatOpensWithoutIsRead() {
		var pdf = TestPdfs.pages(List.of(PAGE_ONE));
		assertRefused(TestPdfs.encrypted(pdf, "user-secret"), PdfRefusedException.Reason.ENCRYPTED,
				"encrypted and opens only with a password");
		// Restricted (no copying) but readable without a password, as any viewer shows
		// it.
		assertThat(read(TestPdfs.encrypted(pdf, ""))).contains("【万兴科技，昆仑万维，美图公司】");
	}

	@Test
	void aBlankOrScannedPdfIsRefusedAsHavingNoText() {
		assertRefused(TestPdfs.blankPage(), PdfRefusedException.Reason.NO_TEXT, "1 page(s) have no text layer");
		assertRefused(TestPdfs.scanned(), PdfRefusedException.Reason.NO_TEXT,
				"2 page(s) have no text layer, only images (a scanned report?)");
	}

	@Test
	void aCancelledBudgetStopsTheReading() {
		var pdf = TestPdfs.pages(List.of(PAGE_ONE, PAGE_TWO));
		var budget = Budget.unlimited();
		budget.cancel();
		assertThatThrownBy(() -> PdfText.read(pdf, budget)).isInstanceOf(ExtractionStoppedException.class);
	}

	static void assertRefused(byte[] pdf, PdfRefusedException.Reason reason, String detail) {
		assertThatThrownBy(() -> read(pdf)).isInstanceOfSatisfying(PdfRefusedException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.getMessage()).contains(detail);
		});
	}

	static List<String> codes(JsonNode draft) {
		var codes = new ArrayList<String>();
		draft.path("themes")
			.forEach(theme -> theme.path("companies").forEach(c -> codes.add(c.path("code").asString())));
		return codes;
	}

	static List<String> field(JsonNode items, String name) {
		var values = new ArrayList<String>();
		items.forEach(item -> values.add(item.path(name).asString()));
		return values;
	}

}
