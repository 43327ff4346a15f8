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

	private static final String RATINGS = "买入|增持|中性|减持|卖出|强烈推荐|谨慎推荐|审慎推荐|推荐|优于大市|强于大市|同步大市|弱于大市|跑赢行业|跑输行业|看好|持有|回避"
			+ "|outperform|underperform|overweight|underweight|neutral|buy|sell|hold";

	private static final Pattern RATING = Pattern.compile("(" + RATINGS + ")(?:评级)?\\((维持|首次覆盖|首次|上调|下调|调高|调低"
			+ "|maintained|maintain|initiated|initiate|upgraded|upgrade|downgraded|downgrade)(?:评级)?\\)");

	private static final Pattern RATING_LABELLED = Pattern.compile("(?:投资评级|行业评级|评级)[:]?(" + RATINGS + ")");

	private static final Pattern CITED = Pattern
		.compile("《([^《》]{2,150})》[,、:]?\\(?(\\d{4})[.\\-/年](\\d{1,2})(?:[.\\-/月](\\d{1,2})日?)?\\)?");

	private static final List<String> SUMMARY_HEADINGS = List.of("投资要点", "核心观点", "报告摘要", "报告要点", "主要观点", "摘要", "事件",
			"投资建议", "summary", "keypoints", "highlights");

	private static final List<String> NOT_A_TITLE = List.of("资格编号", "执业证书", "邮箱", "电话", "分析师", "研究助理", "相关研究", "市场表现",
			"@", "证券研究报告", "行业研究", "公司研究", "请务必阅读");

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

	Rating rating() {
		var m = RATING.matcher(text.metered());
		if (m.find()) {
			return new Rating(original(m, 1), original(m, 2), Passages.quote(text, m.start(), m.end()), m.start());
		}
		var labelled = RATING_LABELLED.matcher(text.metered());
		if (labelled.find()) {
			return new Rating(original(labelled, 1), null, Passages.quote(text, labelled.start(), labelled.end()),
					labelled.start(1));
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
