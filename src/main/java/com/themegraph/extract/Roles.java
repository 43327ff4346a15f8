package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;
import com.themegraph.extract.NameIndex.Occurrence;

/**
 * The classify stage: what each occurrence of a listed company's name is doing where it
 * stands, read from its context alone (never from the name).
 * <ul>
 * <li>{@link Kind#RECOMMENDED}: inside the reach of a recommendation cue (建议关注, 受益标的,
 * 投资组合...: from the cue to the end of its sentence), a row of a covered-company table (a
 * name followed by figures under a heading such as 重点公司 or 盈利预测与估值), or printed with its
 * code (a table row, a company report's own title);</li>
 * <li>{@link Kind#CITED}: inside a cited report's title 《...》;</li>
 * <li>{@link Kind#OTHER}: a row of a gainers or losers table, or a data-source line;</li>
 * <li>{@link Kind#DISCUSSED}: anything else (prose).</li>
 * </ul>
 * A name that runs on into more letters within its list item ({@code 新东方} in an unknown
 * {@code 新东方在线}) is not taken: the longer name is someone else's, and guessing would
 * state a wrong code. The cue and table vocabularies are {@link CompanyLists}'s, which
 * still reads the lists for names no dictionary holds.
 */
final class Roles {

	enum Kind {

		RECOMMENDED, DISCUSSED, CITED, OTHER

	}

	/**
	 * What one company occurrence is doing: its kind and why, the unit it is quoted by
	 * (folded [unitStart, unitEnd): its sentence or its table row), and for a
	 * recommendation the heading of its group and the market its context gives (HK, US,
	 * A, or null).
	 */
	record Role(Occurrence at, Kind kind, String why, int unitStart, int unitEnd, boolean row, String heading,
			String market, boolean labelled) {

		Role(Occurrence at, Kind kind, String why, int unitStart, int unitEnd, boolean row, String heading,
				String market) {
			this(at, kind, why, unitStart, unitEnd, row, heading, market, false);
		}

	}

	/**
	 * The reach of one recommendation cue: folded [cueStart, cueEnd) is the cue, the list
	 * runs to {@code end}; {@code heading} names its group.
	 */
	record Zone(int cueStart, int cueEnd, int end, String heading) {
	}

	/** The roles of the company occurrences, in text order, and the cue zones read. */
	record Classified(List<Role> roles, List<Zone> zones) {
	}

	/** Labels of a market within a list (港股: ..., A 股主要有 ...); folded. */
	static final Pattern MARKET = Pattern.compile("港美股|港股|h股|a股|美股|中概股?");

	/** Words over a table whose rows are not recommendations: movers of the week. */
	private static final Pattern MOVERS = Pattern.compile("涨幅|跌幅|涨跌幅|领涨|领跌|涨跌");

	private static final Pattern SOURCE_LINE = Pattern.compile("资料来源|数据来源|来源:");

	/** Tags a market prints after a name (-SW, -W), folded. */
	private static final Pattern TAG = Pattern.compile("-(?:sw|w|s|b|r|u)(?![a-z])");

	/** A table's source line: where a table after a cue (重点推荐 over its rows) ends. */
	private static final String TABLE_END = "资料来源";

	/** Where a cue's reach ends: the sentence's end. */
	private static final String SENTENCE_END = "。!?【";

	/** The farthest a cue reaches, in folded chars: a list runs a few lines at most. */
	static final int CUE_REACH = 600;

	/** How far back a table's heading is looked for from a row, in folded chars. */
	private static final int TABLE_LOOKBACK = 1_200;

	private final FoldedText text;

	private final String f;

	private final boolean[] cited;

	private final List<int[]> zones = new ArrayList<>();

	private final List<String> zoneHeadings = new ArrayList<>();

	private Roles(FoldedText text) {
		this.text = text;
		this.f = text.folded();
		this.cited = Lines.cited(text);
	}

	/**
	 * The role of every company occurrence in {@code found}, in text order.
	 * @throws ExtractionStoppedException when the text's budget runs out
	 */
	static Classified classify(FoldedText text, List<Occurrence> found) {
		var roles = new Roles(text);
		roles.cueZones(found);
		var out = new ArrayList<Role>();
		for (var at : found) {
			if (at.isCompany()) {
				out.add(roles.role(at));
			}
		}
		var zones = new ArrayList<Zone>();
		for (int z = 0; z < roles.zones.size(); z++) {
			var zone = roles.zones.get(z);
			zones.add(new Zone(zone[0], zone[1], zone[2], roles.zoneHeadings.get(z)));
		}
		return new Classified(out, zones);
	}

	private void cueZones(List<Occurrence> found) {
		var m = CompanyLists.CUE.matcher(text.metered());
		int from = 0;
		while (from < f.length() && m.find(from)) {
			int cueStart = m.start();
			int cueEnd = m.end();
			from = cueEnd;
			if (cited[cueStart] || ratingBefore(cueStart)) {
				continue;
			}
			int end = cueEnd;
			while (end < f.length() && end - cueEnd < CUE_REACH && SENTENCE_END.indexOf(f.charAt(end)) < 0
					&& !(end > cueEnd && text.gapBefore(end) == Gap.PARAGRAPH)
					&& !f.startsWith(Recommendations.STOP, end) && !f.startsWith(TABLE_END, end)) {
				text.budget().step();
				end++;
			}
			if (m.group().equals(CompanyLists.WEAK_CUE) || m.group().equals("推荐")) {
				// A weak cue (关注, 推荐) is prose unless a list of names follows it at once.
				int count = 0;
				int first = -1;
				for (var at : found) {
					if (at.isCompany() && at.start() >= cueEnd && at.end() <= end) {
						first = first < 0 ? at.start() : first;
						count++;
					}
				}
				if (count < 2 || first - cueEnd > 6) {
					continue;
				}
			}
			zones.add(new int[] { cueStart, cueEnd, end });
			zoneHeadings.add(heading(cueStart, cueEnd));
		}
	}

	private boolean ratingBefore(int cueStart) {
		for (var word : CompanyLists.RATING_BEFORE_CUE) {
			if (cueStart >= word.length() && f.startsWith(word, cueStart - word.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The group a cue heads: the clause before it (a numbered point's clause, a heading
	 * ending in a colon), or null when there is none (the market label or the cue word
	 * itself, 投资组合, then names it).
	 */
	private String heading(int cueStart, int cueEnd) {
		int start = cueStart;
		while (start > 0 && cueStart - start < 60 && "。;!?】\n".indexOf(f.charAt(start - 1)) < 0
				&& text.gapBefore(start) != Gap.PARAGRAPH && text.gapBefore(start) != Gap.LINE) {
			start--;
		}
		var clause = Passages.clean(text.originalOf(start, cueStart))
			.replaceFirst("^\\s*[(（]?\\d{1,2}[)）、.]\\s*", "")
			.replaceAll("[,，:：*\\s]+$", "")
			.replaceFirst("^(我们认为|同时|此外|建议|我们)", "");
		return clause.isBlank() || clause.length() > 30 ? null : clause;
	}

	private Role role(Occurrence at) {
		int start = at.start();
		var line = Lines.lineAround(text, start);
		if (cited[start]) {
			return new Role(at, Kind.CITED, "inside a cited report's title 《...》", line[0], line[1], false, null, null);
		}
		if (SOURCE_LINE.matcher(f).region(line[0], start).find()) {
			return new Role(at, Kind.OTHER, "on a data-source line", line[0], line[1], false, null, null);
		}
		var printed = Lines.printedCode(text, at.end());
		for (int z = zones.size() - 1; z >= 0; z--) {
			var zone = zones.get(z);
			if (start >= zone[1] && at.end() <= zone[2]) {
				if (runsOn(at)) {
					return new Role(at, Kind.DISCUSSED, "the name runs on into a longer one within its list item",
							line[0], line[1], false, null, null);
				}
				var market = marketBefore(zone[1], start);
				// No label inside the list: the sentence that leads to the cue may name
				// the
				// market (港股方面，…，建议关注…), when it names one only.
				var context = market != null ? null : marketContext(zone[0]);
				var heading = zoneHeadings.get(z);
				if (market != null) {
					// The label names the part; the clause before the cue, when there is
					// one,
					// names the whole (a bare cue word adds nothing to the label).
					var label = Passages.clean(text.originalOf(market[0], market[1]));
					heading = heading == null ? label : heading + " " + label;
				}
				else if (heading == null) {
					heading = Passages.clean(text.originalOf(zone[0], zone[1]));
				}
				return new Role(at, Kind.RECOMMENDED, "in the list after \"" + text.originalOf(zone[0], zone[1]) + "\"",
						start, at.end(), false, heading,
						market == null ? context : marketOf(f.substring(market[0], market[1])), market != null);
			}
		}
		boolean figures = Lines.figuresAfter(text, at.end(), 2);
		if (printed == null && !figures) {
			return new Role(at, Kind.DISCUSSED, "named in prose", start, at.end(), false, null, null);
		}
		// A row: a name followed by its code or its figures.
		int heading = lastMatch(CompanyLists.TABLE_HEADING, line[0]);
		int movers = lastMatch(MOVERS, line[0]);
		if (movers > heading) {
			return new Role(at, Kind.OTHER, "a row of a table of movers", line[0], line[1], true, null, null);
		}
		if (heading < 0 && printed == null) {
			return new Role(at, Kind.DISCUSSED, "figures follow it, but no covered-company table heads them", start,
					at.end(), false, null, null);
		}
		return new Role(at, Kind.RECOMMENDED,
				printed != null ? "printed with its code" : "a row of a covered-company table", line[0], line[1], true,
				heading < 0 ? null : Lines.subHeading(text, heading, line[0]), null);
	}

	/**
	 * Whether the name continues, within its list item, into letters that are not a
	 * market tag: then it is the start of a longer name the dictionary lacks.
	 */
	private boolean runsOn(Occurrence at) {
		int end = at.end();
		if (end >= f.length()) {
			return false;
		}
		var tag = TAG.matcher(f).region(end, f.length());
		if (tag.lookingAt()) {
			return false;
		}
		char c = f.charAt(end);
		// 等 ends a list, 和/及/与/或 join two of its names.
		boolean letter = Character.isLetter(c) && "等和及与或".indexOf(c) < 0;
		if (!letter) {
			return false;
		}
		Gap gap = text.gapBefore(end);
		return gap == Gap.NONE || gap == Gap.LINE;
	}

	/** The last market label in folded [from, to), as {start, end}, or null. */
	private int[] marketBefore(int from, int to) {
		var m = MARKET.matcher(f).region(from, to);
		int[] last = null;
		while (m.find()) {
			last = new int[] { m.start(), m.end() };
		}
		return last;
	}

	/**
	 * The one market the sentence before a cue names (from its start, at most
	 * {@link #CONTEXT_REACH} chars back), or null when it names none or several.
	 */
	private String marketContext(int cueStart) {
		int from = cueStart;
		while (from > 0 && cueStart - from < CONTEXT_REACH && "。!?".indexOf(f.charAt(from - 1)) < 0
				&& text.gapBefore(from) != Gap.PARAGRAPH) {
			from--;
		}
		var m = MARKET.matcher(f).region(from, cueStart);
		String found = null;
		while (m.find()) {
			var market = marketOf(m.group());
			if (market == null || found != null && !found.equals(market)) {
				return null;
			}
			found = market;
		}
		return found;
	}

	/** How far back the sentence before a cue is read for its market, in folded chars. */
	private static final int CONTEXT_REACH = 200;

	/** The market a label names: HK, US or A; null for a label naming two (港美股). */
	static String marketOf(String label) {
		if (label.startsWith("港美")) {
			return null;
		}
		if (label.startsWith("美") || label.startsWith("中概")) {
			return "US";
		}
		return label.startsWith("a") ? "A" : "HK";
	}

	/**
	 * Where the last match of {@code pattern} within the table look-back starts, or -1.
	 */
	private int lastMatch(Pattern pattern, int before) {
		var m = pattern.matcher(f).region(Math.max(0, before - TABLE_LOOKBACK), before);
		int last = -1;
		while (m.find()) {
			text.budget().step();
			last = m.start();
		}
		return last;
	}

}
