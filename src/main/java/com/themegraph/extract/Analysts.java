package com.themegraph.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;
import com.themegraph.extract.KnownNames.Known;

/**
 * Analysts as the first page lists them: a role (证券分析师, 研究助理...), then on the next line
 * or after a colon a name, then within a few lines an SAC certificate number (S and 13
 * digits). A role run into other words ("分析师声明", "首席分析师，行业全覆盖") is prose, not a byline.
 */
final class Analysts {

	/**
	 * {@code person} is a known person's id, or null for a name the graph does not have.
	 */
	record Analyst(String role, String name, String person, String sacCertificate, String quote) {
	}

	private static final Pattern ROLE = Pattern.compile("证券分析师|首席分析师|资深分析师|高级分析师|分析师|研究助理|研究员|联系人");

	private static final Pattern SAC = Pattern.compile("s\\d{13}");

	private static final List<String> NOT_NAME = List.of("资格", "执业", "邮箱", "电话", "证书", "登记", "声明", "简介");

	/** How many lines after a role line the name may be. */
	static final int LOOK_AHEAD_LINES = 6;

	/** How far after the name the certificate number may be printed. */
	static final int SAC_REACH = 60;

	private Analysts() {
	}

	/**
	 * The analysts in byline order, at most {@code most} + 1 (one more tells the caller
	 * there were more).
	 */
	static List<Analyst> find(FoldedText text, KnownNames names, int most) {
		var f = text.folded();
		var budget = text.budget();
		var roles = new ArrayList<Span>();
		var m = ROLE.matcher(text.metered());
		while (m.find()) {
			roles.add(new Span(m.start(), m.end()));
		}
		var analysts = new ArrayList<Analyst>();
		// Who is already listed, by person id or by name: a set, since a list searched
		// per byline was quadratic.
		var listed = new HashSet<String>();
		for (int r = 0; r < roles.size() && analysts.size() <= most; r++) {
			budget.step();
			int roleStart = roles.get(r).start();
			int roleEnd = roles.get(r).end();
			int nameStart = -1;
			int nameEnd = -1;
			String person = null;
			var starts = nameStarts(text, roleEnd);
			for (int candidate : starts) {
				budget.step();
				boolean ownLine = text.gapBefore(candidate) == Gap.LINE || text.gapBefore(candidate) == Gap.PARAGRAPH;
				var known = names.mentionable().longestAt(text, candidate, f.length());
				if (known != null && known.values().stream().anyMatch(k -> k.is("Person"))
						&& (!ownLine || endsLine(text, known.end()))) {
					nameStart = candidate;
					nameEnd = known.end();
					person = known.values()
						.stream()
						.filter(k -> k.is("Person"))
						.map(Known::id)
						.findFirst()
						.orElseThrow();
					break;
				}
				// A name the graph does not know is believed only right after its role,
				// never lines later.
				int end = candidate == starts.get(0) ? unknownNameEnd(text, candidate) : -1;
				if (end > 0 && (!ownLine || endsLine(text, end))) {
					nameStart = candidate;
					nameEnd = end;
					break;
				}
			}
			if (nameEnd < 0) {
				continue;
			}
			int limit = Math.min(f.length(), nameEnd + SAC_REACH);
			if (r + 1 < roles.size()) {
				limit = Math.min(limit, roles.get(r + 1).start());
			}
			var sac = SAC.matcher(text.metered()).region(nameEnd, Math.max(nameEnd, limit));
			String certificate = null;
			int quoteEnd = nameEnd;
			if (sac.find()) {
				certificate = sac.group().toUpperCase(Locale.ROOT);
				quoteEnd = sac.end();
			}
			var name = Passages.clean(text.originalOf(nameStart, nameEnd));
			if (!listed.add(person == null ? name : person)) {
				continue;
			}
			analysts.add(new Analyst(Passages.clean(text.originalOf(roleStart, roles.get(r).end())), name, person,
					certificate, Passages.quote(text, roleStart, quoteEnd)));
		}
		certified(text, analysts, listed, most);
		return analysts;
	}

	/** Labels and roles around a certificate number: never part of a name. */
	private static final Pattern LABEL = Pattern
		.compile("证券分析师|首席分析师|资深分析师|高级分析师|分析师|研究助理|研究员|联系人|执业证书编号|执业证书|执业编号|资格编号|证书编号|登记编号|编号|证书|首席|邮箱|电话");

	/** The first names of a name run into a title (冯翠婷传媒互联网首席分析师). */
	static final int NAME_BEFORE_TITLE = 3;

	/**
	 * Bylines the role-first reading missed, found from their certificate number back:
	 * {@code 姓名 分析师 执业证书编号：S...}, {@code 分析师 | 姓名 S...}, {@code 姓名传媒首席分析师 执业编号：S...}. The
	 * name is the last run of two to four Chinese characters before the number once
	 * labels and roles are taken off.
	 */
	private static void certified(FoldedText text, List<Analyst> analysts, Set<String> listed, int most) {
		var f = text.folded();
		var numbers = new HashSet<String>();
		analysts.forEach(a -> numbers.add(a.sacCertificate()));
		var sac = SAC.matcher(text.metered());
		int previousEnd = 0;
		while (sac.find() && analysts.size() <= most) {
			var certificate = sac.group().toUpperCase(Locale.ROOT);
			int from = Math.max(previousEnd, sac.start() - SAC_REACH);
			previousEnd = sac.end();
			if (!numbers.add(certificate)) {
				continue;
			}
			int end = sac.start();
			String role = null;
			int roleStart = -1;
			while (end > from) {
				text.budget().step();
				int runEnd = end;
				while (runEnd > from && !isHan(f.charAt(runEnd - 1))) {
					runEnd--;
				}
				int runStart = runEnd;
				while (runStart > from && isHan(f.charAt(runStart - 1))
						&& (runStart == runEnd || text.gapBefore(runStart) == Gap.NONE)) {
					runStart--;
				}
				if (runStart == runEnd) {
					break;
				}
				end = runStart;
				int nameStart = runStart;
				int nameEnd = runEnd;
				boolean titled = false;
				var labels = LABEL.matcher(f).region(runStart, runEnd);
				while (labels.find()) {
					if (labels.start() == nameStart) {
						nameStart = labels.end();
					}
					else if (labels.end() == nameEnd || labels.end() == runEnd) {
						nameEnd = Math.min(nameEnd, labels.start());
						titled = true;
					}
					if (ROLE.matcher(labels.group()).matches() && role == null) {
						role = labels.group();
						roleStart = labels.start();
					}
				}
				int length = nameEnd - nameStart;
				if (length > 4 && titled) {
					nameEnd = nameStart + NAME_BEFORE_TITLE;
					length = NAME_BEFORE_TITLE;
				}
				if (length < 2 || length > 4 || NOT_NAME.stream().anyMatch(f.substring(nameStart, nameEnd)::contains)) {
					continue;
				}
				var name = Passages.clean(text.originalOf(nameStart, nameEnd));
				if (!listed.add(name)) {
					break;
				}
				int quoteStart = roleStart >= 0 ? Math.min(roleStart, nameStart) : nameStart;
				analysts.add(new Analyst(
						role == null ? "分析师" : Passages.clean(text.originalOf(roleStart, roleStart + role.length())),
						name, null, certificate, Passages.quote(text, quoteStart, sac.end())));
				break;
			}
		}
	}

	/**
	 * Where the name may start: after a colon or a space on the role's line, or at the
	 * start of one of the next few lines (interleaved columns can put other lines in
	 * between; only a person the graph knows is looked for past the first).
	 */
	private static List<Integer> nameStarts(FoldedText text, int roleEnd) {
		var f = text.folded();
		if (roleEnd >= f.length()) {
			return List.of();
		}
		if (f.charAt(roleEnd) == ':') {
			return List.of(roleEnd + 1);
		}
		var gap = text.gapBefore(roleEnd);
		if (gap == Gap.NONE) {
			return List.of();
		}
		if (gap == Gap.SPACE) {
			return List.of(roleEnd);
		}
		var starts = new ArrayList<Integer>();
		for (int i = roleEnd; i < f.length() && starts.size() < LOOK_AHEAD_LINES; i++) {
			text.budget().step();
			if (text.gapBefore(i) == Gap.LINE || text.gapBefore(i) == Gap.PARAGRAPH) {
				starts.add(i);
			}
		}
		return starts;
	}

	private static boolean endsLine(FoldedText text, int end) {
		return end >= text.length() || text.gapBefore(end) == Gap.LINE || text.gapBefore(end) == Gap.PARAGRAPH;
	}

	/**
	 * Two to four Chinese characters standing alone: how a byline prints a name the graph
	 * does not know.
	 */
	private static int unknownNameEnd(FoldedText text, int start) {
		var f = text.folded();
		int end = start;
		text.budget().step(5);
		while (end < f.length() && end - start < 5 && isHan(f.charAt(end))
				&& (end == start || text.gapBefore(end) == Gap.NONE && !startsNotName(f, end))) {
			end++;
		}
		var name = f.substring(start, end);
		boolean alone = end >= f.length() || text.gapBefore(end) != Gap.NONE || !isHan(f.charAt(end))
				|| startsNotName(f, end);
		if (name.length() < 2 || name.length() > 4 || !alone || NOT_NAME.stream().anyMatch(name::contains)) {
			return -1;
		}
		return end;
	}

	private static boolean startsNotName(String folded, int at) {
		return NOT_NAME.stream().anyMatch(word -> folded.startsWith(word, at));
	}

	private static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/** Where a role label was found, in folded offsets. */
	private record Span(int start, int end) {
	}

}
