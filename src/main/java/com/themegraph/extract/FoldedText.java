package com.themegraph.extract;

import java.util.Arrays;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.themegraph.graph.TextFolding;

/**
 * A report's text folded for matching, with the way back to the original. Each code point
 * is folded as {@link TextFolding} folds names (NFKC, lower case), white space is dropped
 * so that a line break inside a name ("汤姆\n猫") or a column gap cannot hide it, and every
 * folded char remembers the original span it came from: quotes are cut from the original,
 * never from this. What white space was dropped before each char is kept as a
 * {@link Gap}, for the few rules that need lines (a role line followed by a name line, a
 * list broken across lines).
 */
final class FoldedText {

	enum Gap {

		NONE, SPACE, LINE, PARAGRAPH

	}

	private final String original;

	private final String folded;

	private final int[] starts;

	private final int[] ends;

	private final Gap[] gaps;

	private final Budget budget;

	private FoldedText(String original, String folded, int[] starts, int[] ends, Gap[] gaps, Budget budget) {
		this.original = original;
		this.folded = folded;
		this.starts = starts;
		this.ends = ends;
		this.gaps = gaps;
		this.budget = budget;
	}

	static FoldedText of(String original) {
		return of(original, Budget.unlimited());
	}

	/**
	 * The text folded, each code point a step of {@code budget}, which every later pass
	 * over this text reports to as well.
	 * @throws ExtractionStoppedException when the budget runs out
	 */
	static FoldedText of(String original, Budget budget) {
		var folded = new StringBuilder(original.length());
		var starts = new int[original.length() + 1];
		var ends = new int[original.length() + 1];
		var gaps = new Gap[original.length() + 1];
		int count = 0;
		int newlines = 0;
		boolean space = false;
		for (int i = 0; i < original.length();) {
			budget.step();
			int cp = original.codePointAt(i);
			int width = Character.charCount(cp);
			var piece = foldCached(cp);
			if (piece.isEmpty()) {
				// Invisible format chars vanish without a trace; white space leaves a
				// gap.
				space |= Character.isWhitespace(cp) || Character.isSpaceChar(cp);
				if (cp == '\n') {
					newlines++;
				}
			}
			else {
				var gap = newlines >= 2 ? Gap.PARAGRAPH : newlines == 1 ? Gap.LINE : space ? Gap.SPACE : Gap.NONE;
				if (count + piece.length() > starts.length) {
					// NFKC can expand one char into many (㍿ is 株式会社).
					int capacity = Math.max(starts.length * 2, count + piece.length());
					starts = Arrays.copyOf(starts, capacity);
					ends = Arrays.copyOf(ends, capacity);
					gaps = Arrays.copyOf(gaps, capacity);
				}
				for (int j = 0; j < piece.length(); j++) {
					folded.append(piece.charAt(j));
					starts[count] = i;
					ends[count] = i + width;
					gaps[count] = j == 0 ? gap : Gap.NONE;
					count++;
				}
				space = false;
				newlines = 0;
			}
			i += width;
		}
		return PdfArtefacts.repair(new FoldedText(original, folded.toString(), Arrays.copyOf(starts, count),
				Arrays.copyOf(ends, count), Arrays.copyOf(gaps, count), budget));
	}

	/**
	 * This text with the folded chars at {@code keep[i] == false} left out; quotes still
	 * come from the whole original.
	 */
	FoldedText without(boolean[] drop) {
		var folded = new StringBuilder(this.folded.length());
		var starts = new int[this.folded.length()];
		var ends = new int[this.folded.length()];
		var gaps = new Gap[this.folded.length()];
		int count = 0;
		Gap pending = null;
		budget.step(this.folded.length());
		for (int i = 0; i < this.folded.length(); i++) {
			if (drop[i]) {
				// The widest gap around a dropped run stays, so lines still end where
				// they did.
				pending = wider(pending, this.gaps[i]);
				continue;
			}
			folded.append(this.folded.charAt(i));
			starts[count] = this.starts[i];
			ends[count] = this.ends[i];
			gaps[count] = wider(pending, this.gaps[i]);
			pending = null;
			count++;
		}
		return new FoldedText(original, folded.toString(), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
				Arrays.copyOf(gaps, count), budget);
	}

	private static Gap wider(Gap a, Gap b) {
		return a == null ? b : a.ordinal() >= b.ordinal() ? a : b;
	}

	/** The matching key of a name: folded exactly as report text is. */
	static String key(String name) {
		return of(name == null ? "" : name).folded;
	}

	/**
	 * Folds of the Basic Multilingual Plane, filled as met: a race only computes the same
	 * string twice.
	 */
	private static final String[] BMP = new String[Character.MIN_SUPPLEMENTARY_CODE_POINT];

	private static String foldCached(int cp) {
		if (cp >= BMP.length) {
			return fold(cp);
		}
		var folded = BMP[cp];
		if (folded == null) {
			folded = fold(cp);
			BMP[cp] = folded;
		}
		return folded;
	}

	private static String fold(int cp) {
		if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT) {
			// FORMAT covers soft hyphens and zero-width spaces that PDF extraction leaves
			// inside words.
			return "";
		}
		var folded = TextFolding.fold(new String(Character.toChars(cp)));
		if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
			// Mirror sites convert whole reports to traditional characters (藍色光標, 買入):
			// matched in simplified form, char by char, through OpenCC's tables.
			var simple = ZhConverterUtil.toSimple(folded);
			folded = simple.length() == 1 ? simple : folded;
		}
		if (folded.length() == 1) {
			char c = folded.charAt(0);
			// Dashes and middle dots come in many code points NFKC keeps apart (Gen‑2,
			// DALL・E 3).
			if (c >= '\u2010' && c <= '\u2015' || c == '\u2212') {
				return "-";
			}
			if (c == '\u30FB' || c == '\u2027' || c == '\u2022' || c == '\u2219') {
				return "\u00B7";
			}
		}
		return folded;
	}

	String original() {
		return original;
	}

	/** What every pass over this text reports its steps to. */
	Budget budget() {
		return budget;
	}

	/**
	 * The folded text for regular expressions: each char they read is a step of the
	 * budget, so a pattern that backtracks is counted, and stopped, like any other loop.
	 */
	CharSequence metered() {
		return new Metered(folded, 0, folded.length(), budget);
	}

	private record Metered(String text, int from, int to, Budget budget) implements CharSequence {

		@Override
		public int length() {
			return to - from;
		}

		@Override
		public char charAt(int index) {
			budget.step();
			return text.charAt(from + index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Metered(text, from + start, from + end, budget);
		}

		@Override
		public String toString() {
			budget.step(to - from);
			return text.substring(from, to);
		}

	}

	String folded() {
		return folded;
	}

	int length() {
		return folded.length();
	}

	char charAt(int index) {
		return folded.charAt(index);
	}

	Gap gapBefore(int index) {
		return index <= 0 || index >= gaps.length ? Gap.PARAGRAPH : gaps[index];
	}

	/** Where folded char {@code index} starts in the original. */
	int originalStart(int index) {
		return index >= starts.length ? original.length() : starts[index];
	}

	/**
	 * Where the folded range ending (exclusively) at {@code end} ends in the original.
	 */
	int originalEnd(int end) {
		return end <= 0 ? 0 : ends[end - 1];
	}

	/**
	 * The original text behind a folded range: what a quote of it must say. Its length is
	 * counted as steps, since every caller goes on to clean or quote it.
	 */
	String originalOf(int start, int end) {
		if (start >= end) {
			return "";
		}
		var cut = original.substring(originalStart(start), originalEnd(end));
		budget.step(cut.length());
		return cut;
	}

}
