package com.themegraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;

/**
 * The report's own fields, read from the cues Chinese broker reports print them with: the
 * rating as 优于大市（维持）, the title on the line before 投资要点, cited reports as 《title》 and a
 * date, risks after 风险提示. Each comes with the verbatim passage it was read from.
 */
final class ReportFields {

	record Line(int start, int end) {
	}

	record Rating(String rating, String action, String quote, int start) {
	}

	record Title(String title, int start, int end, String how) {
	}

	record Cited(String title, String date, String quote) {
	}

	record Risk(String name, String key, String quote) {
	}

	private static final String RATINGS = "买入|增持|中性|减持|卖出|强烈推荐|谨慎推荐|审慎推荐|推荐|优于大市|强于大市|同步大市|弱于大市|领先大市|跑赢大市|落后大市"
			+ "|跑输大市|跑赢行业|跑输行业|优于行业|同步行业|落后行业|看好|持有|回避|超配|标配|低配"
			+ "|outperform|underperform|overweight|underweight|neutral|buy|sell|hold";

	private static final String ACTIONS = "维持|首次覆盖|首次|上调|下调|调高|调低"
			+ "|maintained|maintain|initiated|initiate|upgraded|upgrade|downgraded|downgrade";

	/**
	 * 买入（维持）, 增持 (维持), 买入-A 首次评级, 同步大市 评级变动：维持: a rating then its action, in brackets or
	 * after a label.
	 */
	private static final Pattern RATING = Pattern
		.compile("(" + RATINGS + ")(?:-([a-e])[a-e]?)?(?:评级)?(?:\\(|(?:评级变动|变动):?)?(" + ACTIONS + ")(?:评级)?\\)?");

	private static final Pattern RATING_LABELLED = Pattern
		.compile("(?:投资评级|行业评级|评级)[:]?(" + RATINGS + ")(?:-([a-e]))?");

	/** A rating beside another scale's name for it, or with a letter grade. */
	private static final Pattern RATING_PAIRED = Pattern
		.compile("(" + RATINGS + ")(?:\\((?:" + RATINGS + ")\\)|-([a-e])(?![a-z]))");

	/** The rating before this one, printed after the current one (上次评级看好). */
	private static final Pattern PREVIOUS_RATING = Pattern.compile("(?:上次评级|前次评级|原评级)[:]?(" + RATINGS + ")");

	/** 2024年03月24日, doubled as 2023年年05月月24日日 in bold PDF headers. */
	private static final Pattern DATE_CHINESE = Pattern.compile("(20\\d{2})年年?(\\d{1,2})月月?(\\d{1,2})日");

	private static final Pattern DATE_ISO = Pattern.compile("(20\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)");

	/** A mirror's file name, 《title-240624(32页).pdf》: the report's own date. */
	private static final Pattern DATE_FILE_NAME = Pattern.compile("-(\\d{2})(\\d{2})(\\d{2})\\(\\d{1,3}页\\)");

	/** Before a date that is not the report's: a data cut-off, a period. */
	private static final List<String> NOT_PUBLISHED = List.of("截至", "截止", "更新于", "数据", "至", "到", "自", "于");

	record Published(String date, String quote, String how) {
	}

	private static final Pattern CITED = Pattern
		.compile("《([^《》]{2,150})》[,、:]?\\(?(\\d{4})[.\\-/年](\\d{1,2})(?:[.\\-/月](\\d{1,2})日?)?\\)?");

	private static final List<String> SUMMARY_HEADINGS = List.of("投资要点", "核心观点", "报告摘要", "报告要点", "主要观点", "摘要", "事件",
			"投资建议", "summary", "keypoints", "highlights");

	private static final List<String> NOT_A_TITLE = List.of("资格编号", "执业证书", "邮箱", "电话", "分析师", "研究助理", "相关研究", "市场表现",
			"@", "证券研究报告", "行业研究", "公司研究", "请务必阅读",
			// Page chrome of PDF viewers and mirror sites.
			"youareonpage", "由会员分享", "下载", "登录", "版权声明", "table_");

	private static final Pattern ENUMERATION = Pattern.compile("^(\\(?\\d{1,2}\\)|\\d{1,2}[、.]|[一二三四五六七八九十][、.])");

	private final FoldedText text;

	private final String f;

	private final List<Line> lines;

	ReportFields(FoldedText text) {
		this.text = text;
		this.f = text.folded();
		this.lines = lines(text);
	}

	static List<Line> lines(FoldedText text) {
		var lines = new ArrayList<Line>();
		int start = 0;
		text.budget().step(text.length());
		for (int i = 1; i <= text.length(); i++) {
			if (i == text.length() || text.gapBefore(i) == Gap.LINE || text.gapBefore(i) == Gap.PARAGRAPH) {
				if (i > start) {
					lines.add(new Line(start, i));
				}
				start = i;
			}
		}
		return lines;
	}

	/** "zh" when Chinese characters are at least a tenth of the letters, else "en". */
	String language() {
		text.budget().step(2L * f.length());
		long han = f.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
		long latin = f.codePoints().filter(cp -> cp < 0x250 && Character.isLetter(cp)).count();
		return han > 0 && han * 10 >= han + latin ? "zh" : "en";
	}

	/**
	 * The report's rating and action. Both are read in simplified form (买入, 维持) whatever
	 * the text prints, since they are values of a vocabulary; the quote stays verbatim.
	 * An action not printed is 维持 when the previous rating printed beside it is the same.
	 */
	Rating rating() {
		var m = RATING.matcher(text.metered());
		if (m.find()) {
			return new Rating(grade(m.group(1), m.group(2)), m.group(3), Passages.quote(text, m.start(), m.end()),
					m.start());
		}
		// Of the labelled ratings, the report's own: one followed by its previous rating
		// (上次评级), else one labelled 投资评级 or 行业评级, else the first; a bare 评级: is
		// what mirror sites print in their metadata block.
		var labelled = RATING_LABELLED.matcher(text.metered());
		Rating best = null;
		int bestRank = -1;
		while (labelled.find()) {
			String action = null;
			int end = labelled.end();
			var previous = PREVIOUS_RATING.matcher(text.metered())
				.region(labelled.end(), Math.min(f.length(), labelled.end() + 12));
			boolean hasPrevious = previous.lookingAt() || previous.find();
			if (hasPrevious) {
				action = previous.group(1).equals(labelled.group(1)) ? "维持" : null;
				end = previous.end();
			}
			int rank = hasPrevious ? 2 : f.startsWith("评级", labelled.start()) ? 0 : 1;
			if (rank > bestRank) {
				bestRank = rank;
				best = new Rating(grade(labelled.group(1), labelled.group(2)), action,
						Passages.quote(text, labelled.start(), end), labelled.start(1));
			}
		}
		if (best != null) {
			return best;
		}
		// 买入(强于大市), 领先大市-A: a rating with its scale's other name or its letter.
		var paired = RATING_PAIRED.matcher(text.metered());
		if (paired.find()) {
			return new Rating(grade(paired.group(1), paired.group(2)), null,
					Passages.quote(text, paired.start(), paired.end()), paired.start());
		}
		return null;
	}

	private static String grade(String rating, String letter) {
		return letter == null ? rating : rating + "-" + letter.toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * The report's own publication date: the first full date in the text that is not a
	 * cited report's (《...》 and a date) nor a data cut-off (截至...); failing that, the
	 * date a mirror's file name carries (-240624(32页)); null when none is stated.
	 */
	Published published() {
		Published stamp = null;
		var citedSpans = new ArrayList<int[]>();
		var cite = CITED.matcher(text.metered());
		while (cite.find()) {
			citedSpans.add(new int[] { cite.start(), cite.end() });
		}
		for (var pattern : List.of(DATE_CHINESE, DATE_ISO)) {
			var m = pattern.matcher(text.metered());
			while (m.find()) {
				int at = m.start();
				if (citedSpans.stream().anyMatch(span -> span[0] <= at && at < span[1]) || afterCutOff(at)
						|| pattern == DATE_ISO && f.lastIndexOf('》', at) >= Math.max(0, at - 120)) {
					continue;
				}
				if (siteChrome(at)) {
					// A mirror site's stamp (when it posted the file), not the report's
					// date.
					if (stamp == null) {
						stamp = new Published(date(m.group(1), m.group(2), m.group(3)),
								Passages.quote(text, m.start(), m.end()), "a mirror site's posting stamp");
					}
					continue;
				}
				var date = date(m.group(1), m.group(2), m.group(3));
				if (date != null) {
					return new Published(date, Passages.quote(text, m.start(), m.end()),
							"the first date the text states");
				}
			}
		}
		if (stamp != null && stamp.date() != null) {
			return stamp;
		}
		var file = DATE_FILE_NAME.matcher(text.metered());
		if (file.find()) {
			var date = date("20" + file.group(1), file.group(2), file.group(3));
			if (date != null) {
				return new Published(date, Passages.quote(text, file.start(), file.end()),
						"the date in the report's file name as the mirror site printed it");
			}
		}
		return null;
	}

	/**
	 * Whether the line holding folded {@code at} is a mirror site's page chrome: its
	 * metadata line names the uploader or the site's column (作者:, 栏目:), which no report
	 * prints beside its own date.
	 */
	private boolean siteChrome(int at) {
		var line = Lines.lineAround(text, at);
		var folded = f.substring(line[0], line[1]);
		return SITE_CHROME.matcher(folded).find();
	}

	private static final Pattern SITE_CHROME = Pattern.compile("作者:|栏目:|浏览次数|浏览量|上传时间|上传者");

	private boolean afterCutOff(int at) {
		for (var word : NOT_PUBLISHED) {
			text.budget().step();
			if (at >= word.length() && f.startsWith(word, at - word.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Chinese securities firms by the short names their reports print (SAC member list).
	 */
	private static final String BROKERS = "中信建投|中信|国泰君安|国泰海通|海通|华泰|广发|招商|申万宏源|中国银河|银河|中金|国信|东方|兴业|光大|安信|国投|长江|天风|东吴|方正|民生|浙商"
			+ "|华创|信达|西部|财信|国盛|开源|东北|国元|华西|华安|太平洋|中泰|德邦|东兴|国金|首创|华金|中原|山西|万联|东莞|华鑫|甬兴|华源|华福|国联|国海|财通"
			+ "|华宝|西南|川财|中航|湘财|粤开|爱建|世纪|渤海|中银|平安|东海|长城|中邮|国融|东方财富|华龙|诚通|五矿|申港|野村东方|摩根士丹利|瑞银|高盛|华兴|中天";

	private static final List<Pattern> BROKER_NAMES = List.of(
			Pattern.compile("(" + BROKERS + ")证券(?:股份有限公司|有限责任公司|有限公司|研究所|研发中心|研究院|研究部)"),
			Pattern.compile("([\\p{IsHan}]{2})证券(?:股份有限公司|有限责任公司|有限公司|研究所|研发中心|研究院)"),
			Pattern.compile("(" + BROKERS + ")(?:研究|证券)"), Pattern.compile("【(" + BROKERS + ")"));

	private static final List<String> NOT_IN_BROKER = List.of("属于", "于", "供", "由", "为", "是", "本");

	record Broker(String name, int start, int end, String quote) {
	}

	/**
	 * The broker the text names as its publisher: its firm name with 股份有限公司 or 研究所,
	 * failing that a house name such as 华泰研究, a short name before 证券, or one opening a
	 * 【...】 heading. {@code name} is the firm's name ending in 证券, as printed.
	 */
	Broker broker() {
		for (var pattern : BROKER_NAMES) {
			var m = pattern.matcher(text.metered());
			while (m.find()) {
				int start = m.start(1);
				var shortName = m.group(1);
				for (var word : NOT_IN_BROKER) {
					int cut = shortName.lastIndexOf(word);
					if (cut >= 0 && shortName.length() - cut - word.length() >= 2) {
						start += cut + word.length();
						shortName = shortName.substring(cut + word.length());
					}
				}
				if (shortName.length() < 2) {
					continue;
				}
				int end = start + shortName.length();
				return new Broker(f.substring(start, end) + "证券", start, end, Passages.quote(text, m.start(), m.end()));
			}
		}
		return null;
	}

	/**
	 * The short all-Chinese line just above the rating, where the first page prints the
	 * industry.
	 */
	String industry(Rating rating) {
		if (rating == null) {
			return null;
		}
		for (int i = 1; i < lines.size(); i++) {
			text.budget().step();
			var line = lines.get(i);
			if (line.start() <= rating.start() && rating.start() < line.end()) {
				var above = lines.get(i - 1);
				text.budget().step(above.end() - above.start());
				var folded = f.substring(above.start(), above.end()).replace("*", "");
				if (folded.length() >= 2 && folded.length() <= 10
						&& folded.codePoints()
							.allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
									|| "/、·".indexOf(cp) >= 0)) {
					return Passages.clean(text.originalOf(above.start(), above.end()));
				}
				return null;
			}
		}
		return null;
	}

	/**
	 * The line before the summary heading (投资要点); failing that, the first line that reads
	 * like a title.
	 */
	Title title() {
		for (int i = 1; i < lines.size(); i++) {
			text.budget().step(SUMMARY_HEADINGS.size());
			var heading = strip(lines.get(i));
			if (SUMMARY_HEADINGS.stream().anyMatch(h -> f.startsWith(h, heading.start()))) {
				var candidate = strip(lines.get(i - 1));
				if (looksLikeTitle(candidate, 6)) {
					return title(candidate,
							"the line before \"" + Passages
								.clean(text.originalOf(heading.start(), Math.min(heading.end(), heading.start() + 4)))
									+ "\"");
				}
			}
		}
		for (int i = 0; i < Math.min(lines.size(), 80); i++) {
			var candidate = strip(lines.get(i));
			if (looksLikeTitle(candidate, 10)) {
				return title(candidate, "the first line that reads like a title");
			}
		}
		return null;
	}

	private Title title(Line line, String how) {
		return new Title(Passages.clean(text.originalOf(line.start(), line.end())), line.start(), line.end(), how);
	}

	private Line strip(Line line) {
		int start = line.start();
		int end = line.end();
		while (start < end && "-*#•".indexOf(f.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && f.charAt(end - 1) == '*') {
			end--;
		}
		text.budget().step(1 + start - line.start() + line.end() - end);
		return new Line(start, end);
	}

	private boolean looksLikeTitle(Line line, int minLength) {
		int length = line.end() - line.start();
		if (length < minLength || length > 150) {
			return false;
		}
		text.budget().step(length * (2L + NOT_A_TITLE.size()));
		var folded = f.substring(line.start(), line.end());
		return !folded.startsWith("《") && !folded.endsWith(":") && !folded.endsWith("。") && folded.codePoints()
			.anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || Character.isLetter(cp))
				&& NOT_A_TITLE.stream().noneMatch(folded::contains) && !RATING.matcher(folded).find();
	}

	/**
	 * Other reports cited as 《title》 followed by a date (2024.3.10, 2024-03-10,
	 * 2024年3月10日), at most {@code limit} + 1 (one more tells the caller there were more).
	 */
	List<Cited> cites(int limit) {
		var cited = new LinkedHashMap<String, Cited>();
		var m = CITED.matcher(text.metered());
		while (cited.size() <= limit && m.find()) {
			var date = date(m.group(2), m.group(3), m.group(4));
			if (date == null) {
				continue;
			}
			var title = Passages.clean(text.originalOf(m.start(1), m.end(1)));
			cited.putIfAbsent(FoldedText.key(title), new Cited(title, date, Passages.quote(text, m.start(), m.end())));
		}
		return List.copyOf(cited.values());
	}

	static String date(String year, String month, String day) {
		int m = Integer.parseInt(month);
		if (m < 1 || m > 12) {
			return null;
		}
		if (day == null) {
			return year + "-%02d".formatted(m);
		}
		int d = Integer.parseInt(day);
		return d < 1 || d > 31 ? null : year + "-%02d-%02d".formatted(m, d);
	}

	/**
	 * The items after each 风险提示, up to the end of its sentence or paragraph, at most
	 * {@code limit} + 1 (one more tells the caller there were more).
	 */
	List<Risk> risks(int limit) {
		var risks = new LinkedHashMap<String, Risk>();
		var budget = text.budget();
		for (int at = indexOf(Recommendations.STOP, 0); at >= 0
				&& risks.size() <= limit; at = indexOf(Recommendations.STOP, at + 1)) {
			int start = at + Recommendations.STOP.length();
			while (start < f.length() && ":*".indexOf(f.charAt(start)) >= 0) {
				start++;
			}
			int end = start;
			while (end < f.length() && end - start < 300 && f.charAt(end) != '。'
					&& (end == start || text.gapBefore(end) != Gap.PARAGRAPH)) {
				end++;
			}
			budget.step(2L * (end - start));
			int item = start;
			for (int i = start; i <= end; i++) {
				if (i == end || ";,、".indexOf(f.charAt(i)) >= 0) {
					risk(item, i, risks);
					item = i + 1;
				}
			}
		}
		return List.copyOf(risks.values());
	}

	/** {@link String#indexOf(String, int)}, the characters it passed counted as steps. */
	private int indexOf(String what, int from) {
		int at = f.indexOf(what, from);
		text.budget().step(1 + (at < 0 ? f.length() : at) - Math.min(from, f.length()));
		return at;
	}

	private void risk(int start, int end, Map<String, Risk> risks) {
		while (start < end && f.charAt(start) == '*') {
			start++;
		}
		var enumeration = ENUMERATION.matcher(text.metered()).region(start, end);
		if (enumeration.lookingAt()) {
			start = enumeration.end();
		}
		while (end > start && ("*.等".indexOf(f.charAt(end - 1)) >= 0)) {
			end--;
		}
		if (end - start < 2 || end - start > 40) {
			return;
		}
		var key = f.substring(start, end);
		risks.putIfAbsent(key,
				new Risk(Passages.clean(text.originalOf(start, end)), key, Passages.quote(text, start, end)));
	}

	private String original(Matcher m, int group) {
		return Passages.clean(text.originalOf(m.start(group), m.end(group)));
	}

}
