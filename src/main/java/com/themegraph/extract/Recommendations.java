package com.themegraph.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.themegraph.extract.FoldedText.Gap;
import com.themegraph.extract.KnownNames.Known;
import com.themegraph.graph.StockCode;

/**
 * The recommended companies: each 【...】 list that follows a recommendation cue (建议关注,
 * 受益标的...) before the next 风险提示 is a group, headed by the clause before it. Every item is
 * resolved to a code by an exact name or alias of a listed company; anything else is kept
 * as unresolved text.
 */
final class Recommendations {

	/**
	 * A resolved company: its code, its name as printed, and the source that defined it.
	 */
	record Company(String code, String name, String source) {
	}

	record Unresolved(String text, String why) {
	}

	/**
	 * One 【...】 list. {@code name} is the heading with its cue words and "相关公司" taken off
	 * (null when there is no heading); [segmentStart, listStart) is the text between the
	 * previous list and this one, where the group's subject is argued.
	 */
	record Group(String name, String headingQuote, String listQuote, int segmentStart, int listStart, int listEnd,
			List<Company> companies, List<Unresolved> unresolved) {
	}

	static final List<String> CUES = List.of("建议关注", "推荐关注", "重点关注", "受益标的", "相关标的", "推荐标的", "投资建议");

	static final String STOP = "风险提示";

	/** Longer than this without a closing bracket is not a list. */
	static final int MAX_LIST = 1_000;

	private static final String SEPARATORS = ",、;";

	private static final String TERMINATORS = "。;!?";

	private static final List<String> HEADING_PREFIXES = List.of("我们认为", "建议关注", "推荐关注", "重点关注", "持续关注", "关注", "受益标的",
			"相关标的", "推荐标的");

	private static final List<String> HEADING_SUFFIXES = List.of("相关受益标的", "相关受益公司", "类受益公司", "受益标的", "受益公司", "相关标的",
			"相关公司", "标的", "公司", "个股");

	private static final Pattern ENUMERATION = Pattern.compile("^(\\(?\\d{1,2}\\)|\\d{1,2}[、.]|[一二三四五六七八九十][、.])");

	private static final Pattern WITH_CODE = Pattern.compile("^(.+?)\\(([0-9a-z.]{4,10})\\)$");

	/**
	 * A code printed after a name, taken off the name shown (compiled once: replaceFirst
	 * compiled it per item).
	 */
	private static final Pattern PRINTED_CODE = Pattern.compile("\\s*[(（][^)）]*[)）]$");

	/**
	 * What WITH_CODE can look at per character of a key: each split point, then up to a
	 * code's length.
	 */
	private static final int WITH_CODE_STEPS = 12;

	private final FoldedText text;

	private final KnownNames names;

	private final String f;

	private final Budget budget;

	/** Where each 风险提示 starts, in order. */
	private final int[] stops;

	/** Where each recommendation cue starts, in order. */
	private final int[] cues;

	private Recommendations(FoldedText text, KnownNames names) {
		this.text = text;
		this.names = names;
		this.f = text.folded();
		this.budget = text.budget();
		this.stops = occurrences(List.of(STOP));
		this.cues = occurrences(CUES);
	}

	/**
	 * The groups in text order, at most {@code limit} + 1 (one more tells the caller
	 * there were more).
	 */
	static List<Group> find(FoldedText text, KnownNames names, int limit) {
		return new Recommendations(text, names).groups(limit);
	}

	private List<Group> groups(int limit) {
		var groups = new ArrayList<Group>();
		var seen = new HashSet<List<String>>();
		int previousEnd = -1;
		for (int open = indexOf('【', 0); open >= 0 && groups.size() <= limit; open = indexOf('【', open + 1)) {
			int close = closing(open);
			if (close < 0) {
				continue;
			}
			int regionStart = regionStart(open);
			// 【风险提示】 and the like are section headings, not lists.
			if (regionStart < 0 || containsStop(open, close)) {
				continue;
			}
			int segmentStart = previousEnd > regionStart ? previousEnd : regionStart;
			var group = group(segmentStart, open, close);
			if (group.companies().isEmpty() && !hasSeparator(open, close)) {
				// 【本周思考】, 【投资建议-传媒】: a section heading, not a list of one.
				continue;
			}
			previousEnd = close + 1;
			var codes = group.companies().stream().map(Company::code).toList();
			budget.step(codes.size());
			if (!codes.isEmpty() && !seen.add(codes)) {
				continue;
			}
			groups.add(group);
		}
		return groups;
	}

	private boolean hasSeparator(int open, int close) {
		budget.step(close - open);
		for (int i = open + 1; i < close; i++) {
			if (SEPARATORS.indexOf(f.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** {@link String#indexOf(int, int)}, the characters it passed counted as steps. */
	private int indexOf(char c, int from) {
		int at = f.indexOf(c, from);
		budget.step(1 + (at < 0 ? f.length() : at) - Math.min(from, f.length()));
		return at;
	}

	/**
	 * Every place one of {@code words} starts, in order: found once in one pass per word,
	 * so that each list looks up its region by binary search instead of searching the
	 * text again (searching it per list made a text of many lists quadratic).
	 */
	private int[] occurrences(List<String> words) {
		var found = IntStream.builder();
		for (var word : words) {
			for (int at = f.indexOf(word); at >= 0; at = f.indexOf(word, at + 1)) {
				found.add(at);
			}
			budget.step(f.length());
		}
		var positions = found.build().sorted().distinct().toArray();
		budget.step(positions.length);
		return positions;
	}

	private boolean containsStop(int open, int close) {
		int next = firstAtOrAfter(stops, open);
		return next < stops.length && stops[next] + STOP.length() <= close;
	}

	/**
	 * The index of the first value in sorted {@code positions} at or after {@code from},
	 * or its length.
	 */
	private int firstAtOrAfter(int[] positions, int from) {
		budget.step(1 + 32 - Integer.numberOfLeadingZeros(positions.length));
		int found = Arrays.binarySearch(positions, from);
		return found >= 0 ? found : -found - 1;
	}

	private int closing(int open) {
		for (int i = open + 1; i < f.length() && i - open <= MAX_LIST; i++) {
			budget.step();
			if (f.charAt(i) == '】') {
				return i;
			}
			if (f.charAt(i) == '【') {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Where the recommendations around {@code position} begin: the first cue since the
	 * last 风险提示, or -1.
	 */
	private int regionStart(int position) {
		// The last 风险提示 starting at or before position (as lastIndexOf finds it), then
		// the first cue from there.
		int stop = firstAtOrAfter(stops, position + 1) - 1;
		int from = stop < 0 ? 0 : stops[stop];
		int cue = firstAtOrAfter(cues, from);
		return cue < cues.length && cues[cue] < position ? cues[cue] : -1;
	}

	private Group group(int segmentStart, int open, int close) {
		var companies = new ArrayList<Located>();
		var unresolved = new ArrayList<Located>();
		resolveItems(open + 1, close, companies, unresolved);
		companies.sort(Comparator.comparingInt(Located::start));
		var distinct = new LinkedHashMap<String, Company>();
		for (var located : companies) {
			budget.step();
			distinct.putIfAbsent(located.company().code(), located.company());
		}
		var heading = heading(segmentStart, open);
		return new Group(heading == null ? null : heading.name(), heading == null ? null : heading.quote(),
				Passages.quote(text, open, close + 1), segmentStart, open, close + 1, List.copyOf(distinct.values()),
				unresolved.stream().map(Located::unresolved).toList());
	}

	private record Located(int start, Company company, Unresolved unresolved) {
	}

	private record Range(int start, int end) {
	}

	/**
	 * Items are split at separators; line breaks inside an item are ignored (the folded
	 * text has none), so a name wrapped across lines still resolves. When interleaved
	 * columns put a line of other text inside an item, the item's lines are tried alone,
	 * and a line that ends a name half is joined to one of the next few lines that starts
	 * with the other half.
	 */
	private void resolveItems(int from, int to, List<Located> companies, List<Located> unresolved) {
		var leftover = new ArrayList<Range>();
		int start = from;
		for (int i = from; i <= to; i++) {
			budget.step();
			if (i == to || SEPARATORS.indexOf(f.charAt(i)) >= 0) {
				var item = trim(start, i);
				if (item != null && !resolve(List.of(item), companies)) {
					leftover.addAll(lines(item));
				}
				start = i + 1;
			}
		}
		var used = new boolean[leftover.size()];
		for (int i = 0; i < leftover.size(); i++) {
			budget.step();
			var line = trim(leftover.get(i).start(), leftover.get(i).end());
			if (line == null) {
				used[i] = true;
			}
			else if (resolve(List.of(line), companies)) {
				used[i] = true;
			}
		}
		for (int i = 0; i < leftover.size(); i++) {
			for (int j = i + 1; j < leftover.size() && j <= i + 3 && !used[i]; j++) {
				budget.step();
				if (!used[j] && resolve(List.of(leftover.get(i), leftover.get(j)), companies)) {
					used[i] = true;
					used[j] = true;
				}
			}
		}
		for (int i = 0; i < leftover.size(); i++) {
			if (!used[i]) {
				var range = leftover.get(i);
				var why = reasonUnresolved(key(List.of(range)));
				unresolved.add(new Located(range.start(), null,
						new Unresolved(PRINTED_CODE.matcher(Passages.clean(text.originalOf(range.start(), range.end())))
							.replaceFirst(""), why)));
			}
		}
	}

	private List<Range> lines(Range item) {
		var lines = new ArrayList<Range>();
		int start = item.start();
		budget.step(item.end() - item.start());
		for (int i = item.start() + 1; i < item.end(); i++) {
			if (text.gapBefore(i) == Gap.LINE || text.gapBefore(i) == Gap.PARAGRAPH) {
				lines.add(new Range(start, i));
				start = i;
			}
		}
		lines.add(new Range(start, item.end()));
		return lines;
	}

	/**
	 * The range without bold markers around it and the "等" (etc.) that ends a list; null
	 * if nothing is left.
	 */
	private Range trim(int start, int end) {
		while (start < end && (f.charAt(start) == '*' || f.charAt(start) == '【')) {
			start++;
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			while (end > start && (f.charAt(end - 1) == '*' || f.charAt(end - 1) == '】')) {
				end--;
				changed = true;
			}
			if (end > start && f.charAt(end - 1) == '等') {
				end--;
				changed = true;
			}
		}
		return end > start ? new Range(start, end) : null;
	}

	private String key(List<Range> parts) {
		var key = new StringBuilder();
		parts.forEach(part -> {
			// The key is matched against WITH_CODE, whose lazy group can try each split
			// of it.
			budget.step(WITH_CODE_STEPS * (part.end() - part.start()));
			key.append(f, part.start(), part.end());
		});
		return key.toString().replace("*", "");
	}

	private boolean resolve(List<Range> parts, List<Located> companies) {
		var key = key(parts);
		var match = companyFor(key, parts.size() == 1);
		if (match == null) {
			return false;
		}
		var name = new StringBuilder();
		parts.forEach(part -> name.append(Passages.clean(text.originalOf(part.start(), part.end()))));
		var printed = PRINTED_CODE.matcher(name).replaceFirst("");
		if (startsWithStar(parts.get(0).start()) && printed.regionMatches(true, 0, "ST", 0, 2)) {
			printed = "*" + printed;
		}
		companies.add(new Located(parts.get(0).start(), new Company(match.id(), printed, match.source()), null));
		return true;
	}

	/**
	 * Whether the stars just before folded position {@code start} end with one that is
	 * part of the name ({@code *ST}): bold markers come in pairs, so an odd run of stars
	 * leaves one to the name. Trimming took them all as markup.
	 */
	private boolean startsWithStar(int start) {
		int stars = 0;
		for (int i = start - 1; i >= 0 && f.charAt(i) == '*'; i--) {
			budget.step();
			stars++;
		}
		return stars % 2 == 1;
	}

	/**
	 * The one company this item names, by exact name or alias, and by its code when it
	 * prints one.
	 */
	private Known companyFor(String key, boolean single) {
		var withCode = WITH_CODE.matcher(key);
		if (withCode.matches()) {
			var byName = names.companies(withCode.group(1));
			var code = StockCode.tryParse(withCode.group(2)).map(StockCode::canonical).orElse(null);
			if (byName.size() == 1) {
				var known = byName.iterator().next();
				return code == null || known.hasCode(code) ? known : null;
			}
			// A code alone resolves one item, never two joined: 某公司，昆仑万维（300459）
			// would become 汤姆猫, the company 300459 is.
			return byName.isEmpty() && code != null && single ? names.company(code) : null;
		}
		Set<Known> found = names.companies(key);
		return found.size() == 1 ? found.iterator().next() : null;
	}

	private String reasonUnresolved(String key) {
		var withCode = WITH_CODE.matcher(key);
		if (withCode.matches()) {
			var byName = names.companies(withCode.group(1));
			var code = StockCode.tryParse(withCode.group(2)).map(StockCode::canonical).orElse(null);
			var byCode = code == null ? null : names.company(code);
			if (byName.size() == 1 && code != null && !code.equals(byName.iterator().next().id())) {
				var known = byName.iterator().next();
				return "ambiguous: the name is " + known.id() + " (" + known.name()
						+ ") in the graph, but the printed code " + code
						+ (byCode == null ? " is no company in the graph"
								: " is " + byCode.id() + " (" + byCode.name() + ")")
						+ "; candidates: " + known.id() + (byCode == null ? "" : ", " + byCode.id());
			}
		}
		var found = names.companies(key);
		if (found.size() > 1) {
			return "names " + found.size() + " listed companies: "
					+ String.join(", ", found.stream().map(Known::id).sorted().toList());
		}
		return "no listed company in the graph has this name or alias";
	}

	record Heading(String name, String quote) {
	}

	/**
	 * The clause before the list, with cue words and "相关公司" taken off. A bare "建议关注："
	 * reaches back one clause for the subject, since the report argued it there.
	 */
	private Heading heading(int segmentStart, int open) {
		int end = open;
		while (end > segmentStart && ":*,、".indexOf(f.charAt(end - 1)) >= 0) {
			end--;
		}
		int clause = clauseStart(segmentStart, end);
		var name = stripName(clause, end);
		int quoteStart = skipEnumeration(clause, end);
		if (name == null && clause > segmentStart) {
			int previous = clauseStart(segmentStart, clause - 1);
			name = stripName(previous, clause - 1);
			quoteStart = skipEnumeration(previous, clause - 1);
		}
		if (name == null) {
			return null;
		}
		return new Heading(Passages.clean(text.originalOf(name.start(), name.end())),
				Passages.quote(text, quoteStart, end));
	}

	private int clauseStart(int from, int end) {
		for (int i = end - 1; i >= from; i--) {
			budget.step();
			if (TERMINATORS.indexOf(f.charAt(i)) >= 0 || f.charAt(i) == '】') {
				return i + 1;
			}
		}
		return from;
	}

	private int skipEnumeration(int start, int end) {
		int from = start;
		while (start < end && (f.charAt(start) == '*' || f.charAt(start) == '等')) {
			start++;
		}
		budget.step(1 + start - from);
		// Matched where it stands (lookingAt on a region) rather than searched for
		// through a copy of the clause.
		var enumeration = ENUMERATION.matcher(text.metered()).region(start, end);
		return enumeration.lookingAt() ? enumeration.end() : start;
	}

	private Range stripName(int start, int end) {
		start = skipEnumeration(start, end);
		boolean changed = true;
		while (changed) {
			budget.step(1 + HEADING_PREFIXES.size() + HEADING_SUFFIXES.size());
			changed = false;
			while (start < end && ",:*".indexOf(f.charAt(start)) >= 0) {
				start++;
				changed = true;
			}
			while (end > start && ",:*".indexOf(f.charAt(end - 1)) >= 0) {
				end--;
				changed = true;
			}
			for (var prefix : HEADING_PREFIXES) {
				if (f.startsWith(prefix, start) && start + prefix.length() <= end) {
					start += prefix.length();
					changed = true;
				}
			}
			for (var suffix : HEADING_SUFFIXES) {
				if (end - start > suffix.length() && f.startsWith(suffix, end - suffix.length())) {
					end -= suffix.length();
					changed = true;
					break;
				}
			}
		}
		return end > start ? new Range(start, end) : null;
	}

}
