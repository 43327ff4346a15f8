package com.themegraph.extract;

import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;
import com.themegraph.graph.StockCode;

/**
 * The layout around a place in the folded text, for the classifier and the assembler: the
 * line it is on (a table row), the code or figures printed after a name, the sub-heading
 * row a table row sits under, and which chars lie inside a cited title 《...》. Lines are
 * where the original text broke them (a {@link Gap#LINE} or wider before a char).
 */
final class Lines {

	/** Words of a table's column-header row, never a sub-heading. */
	private static final Pattern COLUMN_HEADER = Pattern.compile("代码|名称|简称|评级|eps|pe|市值|股价|收盘价|市盈率|预测|估值|单位|亿元|元|%");

	/** The longest a sub-heading row is, in folded chars (影视动漫, 游戏, 影院院线). */
	private static final int MAX_SUB_HEADING = 12;

	/** How long a line may be before a row is cut at this many chars either side. */
	private static final int MAX_LINE = 160;

	private Lines() {
	}

	/** Folded [start, end) of the line holding folded position {@code at}. */
	static int[] lineAround(FoldedText text, int at) {
		int start = at;
		while (start > 0 && at - start < MAX_LINE && text.gapBefore(start).compareTo(Gap.LINE) < 0) {
			start--;
		}
		int end = at + 1;
		while (end < text.length() && end - at < MAX_LINE && text.gapBefore(end).compareTo(Gap.LINE) < 0) {
			end++;
		}
		text.budget().step(end - start);
		return new int[] { start, Math.min(end, text.length()) };
	}

	/**
	 * The canonical code printed right after a name ending at folded {@code end} (after a
	 * market tag, in brackets or after a space: 美图公司(01357.HK), 芒果超媒 300413.SZ), or null.
	 */
	static String printedCode(FoldedText text, int end) {
		var f = text.folded();
		int at = end;
		var tag = Pattern.compile("-(?:sw|w|s|b|r|u)").matcher(f).region(at, f.length());
		if (tag.lookingAt()) {
			at = tag.end();
		}
		boolean bracket = at < f.length() && f.charAt(at) == '(';
		if (bracket) {
			at++;
		}
		else if (at >= f.length() || text.gapBefore(at) == Gap.NONE) {
			return null;
		}
		var code = CompanyLists.CODE.matcher(f).region(at, Math.min(f.length(), at + 12));
		if (!code.lookingAt()) {
			return null;
		}
		int codeEnd = code.end();
		if (!bracket && codeEnd < f.length() && text.gapBefore(codeEnd) == Gap.NONE
				&& Character.isLetterOrDigit(f.charAt(codeEnd))) {
			return null;
		}
		if (bracket && (codeEnd >= f.length() || f.charAt(codeEnd) != ')')) {
			return null;
		}
		return StockCode.tryParse(code.group()).map(StockCode::canonical).orElse(null);
	}

	/**
	 * Whether {@code count} figures, each after white space, follow folded {@code at}.
	 */
	static boolean figuresAfter(FoldedText text, int at, int count) {
		var f = text.folded();
		int i = at;
		for (int n = 0; n < count; n++) {
			if (i >= f.length() || text.gapBefore(i) == Gap.NONE || text.gapBefore(i) == Gap.PARAGRAPH) {
				return false;
			}
			int end = i + 1;
			while (end < f.length() && end - i < 20 && text.gapBefore(end) == Gap.NONE) {
				end++;
			}
			text.budget().step(end - i);
			if (!CompanyLists.NUMBER.matcher(f.substring(i, end)).matches()) {
				return false;
			}
			i = end;
		}
		return true;
	}

	/**
	 * The nearest row above {@code rowStart} and below the table's caption (at folded
	 * {@code captionAt}) that names a part of the table (影视动漫, 游戏): a short line with no
	 * figures and no column-header words. When there is none, the caption's own line: the
	 * report's section, which a reviewer renames.
	 */
	static String subHeading(FoldedText text, int captionAt, int rowStart) {
		var f = text.folded();
		int end = rowStart;
		while (end > captionAt) {
			var line = lineAround(text, end - 1);
			var folded = f.substring(line[0], line[1]);
			if (line[0] > captionAt && folded.length() <= MAX_SUB_HEADING && !folded.matches(".*\\d.*")
					&& !COLUMN_HEADER.matcher(folded).find() && folded.codePoints().allMatch(Character::isLetter)) {
				return Passages.clean(text.originalOf(line[0], line[1]));
			}
			end = line[0];
		}
		var caption = lineAround(text, captionAt);
		return Passages.clean(text.originalOf(caption[0], caption[1]));
	}

	/** Which folded chars lie inside a cited title 《...》. */
	static boolean[] cited(FoldedText text) {
		var f = text.folded();
		var inside = new boolean[f.length()];
		int open = -1;
		text.budget().step(f.length());
		for (int i = 0; i < f.length(); i++) {
			char c = f.charAt(i);
			if (c == '《') {
				open = i;
			}
			else if (c == '》' && open >= 0 && i - open <= 150) {
				for (int j = open; j <= i; j++) {
					inside[j] = true;
				}
				open = -1;
			}
		}
		return inside;
	}

}
