package com.themegraph.graph;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A listed company's code in one canonical form: six digits and {@code .SZ}, {@code .SH}
 * or {@code .BJ} for mainland exchanges, digits without leading zeros and {@code .HK} for
 * Hong Kong. Parses what analysts type: {@code 300459}, {@code 300459.SZ},
 * {@code SZ300459}, {@code sz300459}, {@code 1357.HK}, {@code 01357.HK}, {@code HK01357},
 * full-width digits included.
 */
public record StockCode(String digits, Exchange exchange) {

	public enum Exchange {

		SZ, SH, BJ, HK

	}

	private static final Pattern SUFFIXED = Pattern.compile("(\\d{1,6})\\.([a-z]{2})");

	private static final Pattern PREFIXED = Pattern.compile("([a-z]{2})(\\d{1,6})");

	private static final Pattern BARE = Pattern.compile("\\d{1,6}");

	/**
	 * Looks like an attempt at a code (letters and digits only, some digits): not a
	 * company name.
	 */
	private static final Pattern CODE_LIKE = Pattern.compile("[a-z]{0,4}\\.?\\d+(\\.[a-z]*)?|\\d+[a-z.]+");

	public String canonical() {
		return digits + "." + exchange;
	}

	@Override
	public String toString() {
		return canonical();
	}

	public static StockCode parse(String input) {
		return tryParse(input).orElseThrow(() -> new IllegalArgumentException("\"" + input
				+ "\" is not a stock code: use six digits with .SZ, .SH or .BJ (300459.SZ, SZ300459, 300459), "
				+ "or up to five digits with .HK (1357.HK, 01357.HK)"));
	}

	public static Optional<StockCode> tryParse(String input) {
		var text = TextFolding.fold(input).replace(" ", "");
		var suffixed = SUFFIXED.matcher(text);
		if (suffixed.matches()) {
			return of(suffixed.group(1), suffixed.group(2));
		}
		var prefixed = PREFIXED.matcher(text);
		if (prefixed.matches()) {
			return of(prefixed.group(2), prefixed.group(1));
		}
		if (BARE.matcher(text).matches()) {
			return text.length() == 6 ? Optional.ofNullable(mainlandExchange(text)).map(e -> new StockCode(text, e))
					: of(text, "hk");
		}
		return Optional.empty();
	}

	/**
	 * True when the input is shaped like a code, so failing to parse it is the user's
	 * typo, not a name.
	 */
	public static boolean looksLikeCode(String input) {
		return CODE_LIKE.matcher(TextFolding.fold(input).replace(" ", "")).matches();
	}

	private static Optional<StockCode> of(String digits, String exchangeText) {
		Exchange exchange;
		try {
			exchange = Exchange.valueOf(exchangeText.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (exchange == Exchange.HK) {
			var trimmed = digits.replaceFirst("^0+", "");
			return trimmed.isEmpty() || trimmed.length() > 5 ? Optional.empty()
					: Optional.of(new StockCode(trimmed, exchange));
		}
		return digits.length() == 6 ? Optional.of(new StockCode(digits, exchange)) : Optional.empty();
	}

	/**
	 * Mainland boards by leading digits: Shanghai 6xxxxx, Shenzhen 0/3xxxxx, Beijing
	 * 4/8/92xxxx.
	 */
	private static Exchange mainlandExchange(String digits) {
		return switch (digits.charAt(0)) {
			case '6' -> Exchange.SH;
			case '0', '3' -> Exchange.SZ;
			case '4', '8' -> Exchange.BJ;
			case '9' -> digits.startsWith("92") ? Exchange.BJ : null;
			default -> null;
		};
	}

}
