package com.themegraph.extract;

import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;

/**
 * Undoes what PDF-to-text conversion and mirror sites do to a report, on the folded text
 * only (quotes still come from the original):
 * <ul>
 * <li>bold headings drawn twice come out doubled ({@code 增持增持}, {@code 张良卫张良卫},
 * {@code 20242024 年年}): in a text where such doubled runs are common, the second copy of
 * each is dropped;</li>
 * <li>mirror sites that cut a report into numbered chunks ("由会员分享" pages) start each
 * chunk with {@code 1、}, {@code 2、}... at the start of a line, even inside a word or a
 * number: those markers are dropped.</li>
 * </ul>
 * Written here because no library knows these artefacts: they come from how Chinese
 * broker PDFs draw bold text and how the mirror sites paginate.
 */
final class PdfArtefacts {

	/** The longest doubled run looked for, in folded chars. */
	static final int MAX_RUN = 40;

	/**
	 * How many doubled runs of three or more chars make a text "doubled": one or two
	 * occur in ordinary prose (哈哈哈哈), a converted PDF has dozens.
	 */
	static final int DOUBLED_TEXT = 3;

	/**
	 * And at least one such run per this many chars: a long text with a few repeats is
	 * not a doubled one.
	 */
	static final int DOUBLED_DENSITY = 500;

	private static final String MIRROR_CHROME = "由会员分享";

	private PdfArtefacts() {
	}

	static FoldedText repair(FoldedText text) {
		var f = text.folded();
		var drop = new boolean[f.length()];
		boolean changed = chunkMarkers(text, drop);
		int doubled = doubledRuns(text, 3, 12, null);
		if (doubled >= DOUBLED_TEXT && doubled >= f.length() / DOUBLED_DENSITY) {
			changed |= doubledRuns(text, 2, MAX_RUN, drop) > 0;
		}
		changed |= otherColumnTokens(text, drop);
		return changed ? text.without(drop) : text;
	}

	/**
	 * A line holding only a number, a percentage or an axis label ({@code -20%},
	 * {@code 2024e}, {@code 0.5}, {@code %}) from the other column of a two-column page,
	 * which PDF-to-text interleaves line by line, standing inside a name of a list
	 * ({@code 、丙丁\n-20%\n网络、}).
	 */
	private static final Pattern COLUMN_TOKEN = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d+)?[%ae]?|%)");

	/** The longest fragment of a name on either side of such a token, in folded chars. */
	private static final int FRAGMENT = 4;

	/**
	 * Marks such tokens in {@code drop}; true if it marked any. Conservative: the token
	 * fills its whole line, the line before ends in a short Chinese fragment that starts
	 * right after a list separator, and the line after starts with a short Chinese
	 * fragment that ends at a separator or the list's end, so a table's cells are never
	 * joined.
	 */
	private static boolean otherColumnTokens(FoldedText text, boolean[] drop) {
		var f = text.folded();
		var budget = text.budget();
		boolean marked = false;
		for (int i = 1; i < f.length(); i++) {
			budget.step();
			if (text.gapBefore(i) != Gap.LINE) {
				continue;
			}
			int end = i + 1;
			while (end < f.length() && text.gapBefore(end) == Gap.NONE) {
				end++;
			}
			if (end >= f.length() || text.gapBefore(end) != Gap.LINE
					|| !COLUMN_TOKEN.matcher(f.subSequence(i, end)).matches()) {
				continue;
			}
			int before = i;
			while (before > 0 && i - before <= FRAGMENT && isHan(f.charAt(before - 1))
					&& (before == i || text.gapBefore(before) == Gap.NONE)) {
				before--;
			}
			int after = end;
			while (after < f.length() && after - end <= FRAGMENT && isHan(f.charAt(after))
					&& (after == end || text.gapBefore(after) == Gap.NONE)) {
				after++;
			}
			boolean listBefore = before > 0 && i - before >= 1 && i - before <= FRAGMENT
					&& "、,，".indexOf(f.charAt(before - 1)) >= 0;
			boolean listAfter = after > end && after - end <= FRAGMENT
					&& (after == f.length() || "、,，。;；等".indexOf(f.charAt(after)) >= 0);
			if (listBefore && listAfter) {
				for (int j = i; j < end; j++) {
					drop[j] = true;
				}
				marked = true;
			}
		}
		return marked;
	}

	private static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * Marks the mirror's chunk numbers (the next of 1、 2、 3、... at a line start) in
	 * {@code drop}; true if it marked any.
	 */
	private static boolean chunkMarkers(FoldedText text, boolean[] drop) {
		var f = text.folded();
		if (!f.contains(MIRROR_CHROME)) {
			return false;
		}
		int next = 1;
		boolean marked = false;
		var budget = text.budget();
		for (int i = 0; i < f.length(); i++) {
			budget.step();
			var gap = text.gapBefore(i);
			if (gap != Gap.LINE && gap != Gap.PARAGRAPH) {
				continue;
			}
			var number = Integer.toString(next);
			if (f.startsWith(number, i) && f.startsWith("、", i + number.length())) {
				for (int j = i; j <= i + number.length(); j++) {
					drop[j] = true;
				}
				next++;
				marked = true;
			}
		}
		return marked;
	}

	/**
	 * Counts the runs of {@code min} to {@code max} chars immediately repeated; when
	 * {@code drop} is given, marks each second copy in it. Longest runs first, so that
	 * {@code 证券分析师证券分析师} loses a whole copy. A two-char run is only taken where it stands
	 * alone (after a space or an opening bracket): 哔哩哔哩 is a name, not an artefact.
	 */
	private static int doubledRuns(FoldedText text, int min, int max, boolean[] drop) {
		var f = text.folded();
		var budget = text.budget();
		int found = 0;
		int i = 0;
		while (i < f.length()) {
			int run = 0;
			for (int length = Math.min(max, (f.length() - i) / 2); length >= min && run == 0; length--) {
				budget.step();
				if (f.charAt(i) == f.charAt(i + length) && text.gapBefore(i + length) != Gap.PARAGRAPH
						&& repeated(text, i, length) && (length > 2 || standsAlone(text, i))) {
					run = length;
				}
			}
			if (run == 0) {
				i++;
				continue;
			}
			found++;
			if (drop != null) {
				for (int j = i + run; j < i + 2 * run; j++) {
					drop[j] = true;
				}
			}
			i += 2 * run;
		}
		return found;
	}

	private static boolean repeated(FoldedText text, int at, int length) {
		var f = text.folded();
		boolean letters = false;
		for (int j = 0; j < length; j++) {
			text.budget().step();
			char c = f.charAt(at + j);
			if (c != f.charAt(at + length + j)) {
				return false;
			}
			letters |= Character.isLetterOrDigit(c);
		}
		return letters;
	}

	private static boolean standsAlone(FoldedText text, int at) {
		return at == 0 || text.gapBefore(at) != Gap.NONE || "(【[".indexOf(text.folded().charAt(at - 1)) >= 0;
	}

}
