package com.themegraph.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * Invented report texts for timing extraction: the seed report's layout (sector, rating,
 * byline, cited reports, title, points, recommendation lists in 【】 after a cue, risks,
 * disclosures) at a chosen size, naming the seed's listed companies so that lists resolve
 * as in a real report. Nothing in them is a fact.
 */
final class ReportTexts {

	private static final List<String> TOPICS = List.of("视频生成模型", "多模态大模型", "AI 动画", "数字人", "AI 营销素材", "短剧制作", "游戏美术",
			"有声读物", "AI 搜索", "智能客服");

	private static final List<String> SENTENCES = List.of("%s的商业化进度好于预期，订阅收入环比增长%d%%。", "我们认为%s在%s领域的投入有望在下半年兑现为收入。",
			"%s发布新版创作工具，生成时长提升至%d秒，画面一致性明显改善。", "行业层面，%s的渗透率仍低，头部公司有望受益于成本下降。",
			"根据公司公告，%s与多家平台签订合作协议，覆盖%d个内容品类。", "从估值看，%s当前对应明年约%d倍市盈率，处于历史中枢以下。");

	private static final List<String> SURNAMES = List.of("林", "周", "陈", "许", "唐", "宋", "顾", "沈");

	private static final List<String> GIVEN = List.of("知远", "若溪", "明哲", "思齐", "一鸣", "清和", "予安", "书宁");

	private static final List<String> COMPANIES = companies();

	private ReportTexts() {
	}

	private static List<String> companies() {
		try {
			var names = new ArrayList<String>();
			JsonMapper.builder()
				.build()
				.readTree(Path.of("seed-data/entities/companies.json").toFile())
				.path("companies")
				.forEach(company -> names.add(company.path("name").asString()));
			return List.copyOf(names);
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException("seed-data/entities/companies.json unreadable", ex));
		}
	}

	/** A report of about {@code characters} characters, different for each draw. */
	static String generate(SplittableRandom random, int characters) {
		var text = new StringBuilder();
		var analyst = pick(random, SURNAMES) + pick(random, GIVEN);
		var assistant = pick(random, SURNAMES) + pick(random, GIVEN);
		text.append("传媒\n\n优于大市（维持）\n\n证券分析师\n\n")
			.append(analyst)
			.append("\n\n资格编号：S01205")
			.append(10_000_000 + random.nextInt(89_999_999))
			.append("\n\n研究助理\n\n")
			.append(assistant)
			.append("\n\n相关研究\n\n");
		for (int i = 0; i < 3; i++) {
			text.append("- 《传媒行业周报：")
				.append(pick(random, TOPICS))
				.append("持续迭代》，2024.")
				.append(1 + random.nextInt(12))
				.append('.')
				.append(1 + random.nextInt(28))
				.append('\n');
		}
		text.append("\n").append(pick(random, TOPICS)).append("加速落地，关注应用公司的商业化进展\n\n投资要点：\n\n");
		int point = 0;
		while (text.length() < characters - 400) {
			text.append("- ");
			for (int i = 0; i < 6; i++) {
				var template = pick(random, SENTENCES);
				text.append(template.formatted(template.indexOf("%s") == template.lastIndexOf("%s")
						? new Object[] { pick(random, COMPANIES), 2 + random.nextInt(80) }
						: new Object[] { pick(random, COMPANIES), pick(random, TOPICS) }));
			}
			text.append('\n');
			if (++point % 3 == 0) {
				text.append("- 建议关注")
					.append(pick(random, TOPICS))
					.append("相关公司：【")
					.append(String.join("，", distinct(random, 3 + random.nextInt(4))))
					.append("】等。\n");
			}
		}
		text.append("- 风险提示：技术进展不及预期；行业竞争加剧；政策监管变化。\n\n信息披露\n\n分析师声明\n\n")
			.append("本人具有中国证券业协会授予的证券投资咨询执业资格，独立、客观地出具本报告。\n\n法律声明\n\n")
			.append("本报告仅供示例证券股份有限公司的客户使用，市场有风险，投资需谨慎。\n");
		return text.toString();
	}

	/**
	 * The text as A4 pages in 10 pt type: lines of at most 44 characters (a CJK line's
	 * width), 52 lines a page, blank lines kept.
	 */
	static List<List<String>> pages(String text) {
		var pages = new ArrayList<List<String>>();
		var page = new ArrayList<String>();
		// A tab is no glyph in a font: a PDF writer moves the pen instead.
		for (var paragraph : text.replace('\t', ' ').split("\n", -1)) {
			int at = 0;
			do {
				int end = Math.min(paragraph.length(), at + 44);
				page.add(paragraph.substring(at, end));
				at = end;
				if (page.size() == 52) {
					pages.add(page);
					page = new ArrayList<>();
				}
			}
			while (at < paragraph.length());
		}
		if (!page.isEmpty()) {
			pages.add(page);
		}
		return pages;
	}

	private static List<String> distinct(SplittableRandom random, int count) {
		var names = new ArrayList<String>();
		while (names.size() < count) {
			var name = pick(random, COMPANIES);
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private static <T> T pick(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

}
