package com.themegraph.extract;

/**
 * Quotes and display text cut from the original text. A quote is always a substring of
 * the original, so the loader's verbatim check holds however messy the text; display text
 * (names, titles) is cleaned of the layout a PDF left in it.
 */
final class Passages {

	/**
	 * A sentence longer than this on either side of its match is cut: interleaved columns
	 * run on without punctuation.
	 */
	static final int REACH = 160;

	private static final String TERMINATORS = "。！？；!?;";

	private Passages() {
	}

	/**
	 * The passage around folded range [start, end), verbatim from the original: the
	 * extractor's reading unit, which a single (wrapped) line break does not end. The
	 * evidence *sentence* on an edge is the loader's ({@code ingest.Sentences}).
	 */
	static String passage(FoldedText text, int start, int end) {
		var original = text.original();
		var budget = text.budget();
		int from = text.originalStart(start);
		int to = text.originalEnd(end);
		int s = from;
		while (s > 0 && from - s < REACH && !boundaryBefore(original, s, budget)) {
			s--;
		}
		int e = to;
		while (e < original.length() && e - to < REACH && !boundaryAt(original, e, budget)) {
			e++;
		}
		while (s < from && (Character.isWhitespace(original.charAt(s)) || "-*•#>".indexOf(original.charAt(s)) >= 0)) {
			s++;
		}
		while (e > to && (Character.isWhitespace(original.charAt(e - 1)) || original.charAt(e - 1) == '*')) {
			e--;
		}
		budget.step(e - s);
		return original.substring(s, e);
	}

	/**
	 * The original text of folded range [start, end), trimmed of white space and bold
	 * markers: still verbatim.
	 */
	static String quote(FoldedText text, int start, int end) {
		return text.originalOf(start, end).strip();
	}

	private static boolean boundaryBefore(String original, int s, Budget budget) {
		budget.step();
		char c = original.charAt(s - 1);
		if (TERMINATORS.indexOf(c) >= 0) {
			return true;
		}
		if (c == '.' && s < original.length() && Character.isWhitespace(original.charAt(s))) {
			return true;
		}
		return c == '\n' && lineBreakEnds(original, s - 1, budget);
	}

	private static boolean boundaryAt(String original, int e, Budget budget) {
		budget.step();
		char c = original.charAt(e);
		if (TERMINATORS.indexOf(c) >= 0) {
			return true;
		}
		if (c == '.' && (e + 1 >= original.length() || Character.isWhitespace(original.charAt(e + 1)))) {
			return true;
		}
		return c == '\n' && lineBreakEnds(original, e, budget);
	}

	/**
	 * A single line break is where a PDF wrapped a line, not where a sentence ends; a
	 * blank line, or a line break before a bullet, is. Blanks around the break are looked
	 * at only up to {@link #REACH}: a run longer than a sentence may be is a gap in the
	 * layout, so it ends the sentence too, and no run is read again for every sentence
	 * near it.
	 */
	private static boolean lineBreakEnds(String original, int newline, Budget budget) {
		int before = newline - 1;
		while (before >= 0 && isBlank(original.charAt(before))) {
			budget.step();
			if (newline - before > REACH) {
				return true;
			}
			before--;
		}
		if (before < 0 || original.charAt(before) == '\n') {
			return true;
		}
		int after = newline + 1;
		while (after < original.length() && isBlank(original.charAt(after))) {
			budget.step();
			if (after - newline > REACH) {
				return true;
			}
			after++;
		}
		if (after >= original.length() || original.charAt(after) == '\n') {
			return true;
		}
		char next = original.charAt(after);
		return "-•*·".indexOf(next) >= 0 && after + 1 < original.length() && original.charAt(after + 1) == ' ';
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r';
	}

	/**
	 * Text as a person would type it: bold markers gone, full-width letters and digits
	 * half-width (Chinese punctuation stays as written), a line break between two Chinese
	 * characters gone (PDFs wrap mid-word), other runs of white space one space.
	 */
	static String clean(String text) {
		var out = new StringBuilder();
		var noStars = halfWidthAlphanumerics(text.replace("*", "").replace("\uFF0A", ""));
		int i = 0;
		while (i < noStars.length()) {
			char c = noStars.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				out.append(c);
				i++;
				continue;
			}
			int j = i;
			boolean lineBreak = false;
			while (j < noStars.length()
					&& (Character.isWhitespace(noStars.charAt(j)) || Character.isSpaceChar(noStars.charAt(j)))) {
				lineBreak |= noStars.charAt(j) == '\n';
				j++;
			}
			boolean betweenWide = i > 0 && j < noStars.length() && !NameTrie.isWordChar(noStars.charAt(i - 1))
					&& !NameTrie.isWordChar(noStars.charAt(j));
			if (!(lineBreak && betweenWide)) {
				out.append(' ');
			}
			i = j;
		}
		return out.toString().strip();
	}

	private static String halfWidthAlphanumerics(String text) {
		var out = new StringBuilder(text.length());
		text.chars().forEach(c -> {
			boolean wide = c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A'
					|| c >= '\uFF41' && c <= '\uFF5A';
			out.append(wide ? (char) (c - 0xFEE0) : (char) c);
		});
		return out.toString();
	}

}
