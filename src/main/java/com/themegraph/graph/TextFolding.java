package com.themegraph.graph;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching, the one folding every look-up uses (API look-ups, search,
 * suggestions, the extractor, ingest's duplicate checks): NFKC turns full-width letters,
 * digits and punctuation into their ordinary forms, then case stops mattering, runs of
 * white space count as one space, and white space between two CJK characters goes, since
 * quote feeds pad three-character names to the width of four ({@code 五 粮 液}).
 * <p>
 * Listed companies' names also carry market tags that come and go while the company stays
 * the same: {@link #companyKey} takes them off, so {@code *ST华录}, {@code ST华录} and
 * {@code 华录} meet, while the name shown keeps the tag.
 */
public final class TextFolding {

	private static final Pattern WHITE = Pattern.compile("\\s+");

	/**
	 * White space with a CJK character (ideograph, kana, hangul, CJK punctuation) on each
	 * side.
	 */
	private static final Pattern CJK_GAP = Pattern
		.compile("(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303F]) "
				+ "(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\u3000-\\u303F])");

	/**
	 * Mainland prefixes, folded (SSE and SZSE listing rules): {@code ST}/{@code *ST}
	 * (risk warning, delisting risk warning), {@code S}/{@code SST}/{@code S*ST} (share
	 * reform not completed), {@code N} (first day of trading), {@code C} (first five days
	 * on the STAR Market and ChiNext), {@code XD}/{@code XR}/{@code DR} (ex-dividend,
	 * ex-rights). A prefix only counts before a CJK character, so {@code STAR} or
	 * {@code CCTV} keep their letters.
	 */
	private static final Pattern PREFIX = Pattern.compile("^(?:s?\\*?st|\\*st|xd|xr|dr|n|c)\\s?(?=\\p{IsHan})");

	/**
	 * Hong Kong and STAR Market suffixes, folded (HKEX stock short name markers; SSE STAR
	 * rules): {@code -W} (weighted voting rights), {@code -SW} (secondary listing with
	 * them), {@code -S} (secondary listing), {@code -B} (pre-revenue biotech, Chapter
	 * 18A), {@code -P} (Chapter 18C), {@code -U}, {@code -UW}, {@code -UWD} (STAR: not
	 * yet profitable, weighted voting, depositary receipts).
	 */
	private static final Pattern SUFFIX = Pattern.compile("\\s?-\\s?(?:sw|w|s|b|p|u|uw|uwd|wd|d)$");

	private TextFolding() {
	}

	/**
	 * The matching form of a text: NFKC, lower case, white space runs as one space (none
	 * between CJK characters), stripped. Null folds to the empty string.
	 */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		var folded = WHITE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
			.replaceAll(" ")
			.strip();
		return CJK_GAP.matcher(folded).replaceAll("");
	}

	/**
	 * A listed company's name folded and without its market tags (see {@link #PREFIX},
	 * {@link #SUFFIX}): {@code *ST 华录} and {@code 华录} give {@code 华录}; {@code 快手-W} gives
	 * {@code 快手}. A name that is nothing but a tag is kept whole.
	 */
	public static String companyKey(String name) {
		var folded = fold(name);
		var key = SUFFIX.matcher(PREFIX.matcher(folded).replaceFirst("")).replaceFirst("").strip();
		return key.isEmpty() ? folded : key;
	}

	/**
	 * Every form a company's name is matched by: folded as it is printed, and without its
	 * market tags when it has any.
	 */
	public static List<String> companyKeys(String name) {
		var keys = new ArrayList<String>(2);
		keys.add(fold(name));
		var key = companyKey(name);
		if (!keys.contains(key)) {
			keys.add(key);
		}
		return keys;
	}

}
