package com.themegraph.graph;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A listing's code in one canonical form, {@code CODE.EXCHANGE}:
 * <ul>
 * <li>mainland China: six digits and {@code .SH} (Shanghai), {@code .SZ} (Shenzhen) or
 * {@code .BJ} (Beijing): {@code 600000.SH};</li>
 * <li>Hong Kong: the stock code's digits without leading zeros and {@code .HK}:
 * {@code 700.HK} (the form the graph's ids have always taken; the five-digit
 * {@code 00700} is accepted everywhere and given back in {@link #forms()});</li>
 * <li>United States (NASDAQ, NYSE): the ticker and {@code .US}: {@code BILI.US}. One
 * suffix for both markets, because half the forms analysts paste (Bloomberg's
 * {@code IQ US}, Futu's {@code US.IQ}) do not say which market lists the ticker, and a
 * ticker is unique across US exchanges anyway.</li>
 * </ul>
 * <p>
 * {@link #tryParse} reads every form vendors print (case, width and spaces do not
 * matter): plain {@code 600000} and {@code 700}; Wind/Tushare {@code 600000.SH},
 * {@code 0700.HK}, {@code BILI.O}, {@code TME.N}; Yahoo {@code 600000.SS},
 * {@code 000001.SZ}, {@code 0700.HK}; JoinQuant/ISO 10383 market identifiers
 * {@code 600000.XSHG}, {@code 000001.XSHE}, {@code 430047.XBSE} or {@code .BJSE},
 * {@code 0700.XHKG}; baostock {@code sh.600000}, {@code sz.000001}; Futu
 * {@code HK.00700}, {@code SH.600000}, {@code SZ.000001}, {@code US.BILI}; prefixed
 * {@code SZ300459}; Bloomberg {@code 700 HK}, {@code 000001 CH}, {@code 600000 CG},
 * {@code 000001 CS}, {@code IQ US}, {@code BILI UW}, {@code TME UN}, each with or without
 * {@code Equity}.
 * <p>
 * Which exchange a bare six-digit code belongs to follows the exchanges' own code
 * allocation rules:
 * <ul>
 * <li>Shanghai (SSE, 证券代码编码规则): {@code 60xxxx} main-board A shares (600, 601, 603, 605),
 * {@code 68xxxx} STAR Market (688, 689), {@code 900xxx} B shares;</li>
 * <li>Shenzhen (SZSE, 证券代码区间): {@code 00xxxx} main board (000 to 003), {@code 30xxxx}
 * ChiNext (300, 301), {@code 200xxx} B shares;</li>
 * <li>Beijing (BSE): {@code 4xxxxx} and {@code 8xxxxx} (codes carried over from the NEEQ:
 * 43, 83, 87, 88), and {@code 92xxxx}, the segment the BSE moved its listings to in 2025
 * (its notice on the 920 code segment).</li>
 * </ul>
 * Other six-digit codes (funds 1xxxxx/5xxxxx, bonds, 9xxxxx other than 900 and 92) are
 * not stocks. Hong Kong stock codes are one to five digits (HKEX securities code
 * allocation); US tickers one to five letters (NASDAQ and NYSE symbology; share classes
 * such as BRK.B are not parsed).
 */
public record StockCode(String digits, Exchange exchange) {

	public enum Exchange {

		SZ, SH, BJ, HK, US

	}

	/**
	 * What a 400 lists when a code-shaped input is none of the accepted forms: shown to
	 * users, so it names each form by example.
	 */
	public static final String ACCEPTED_FORMS = "use a mainland code (600000, 600000.SH, SH600000, sh.600000, "
			+ "600000.SS, 600000.XSHG, 000001.XSHE, 430047.XBSE, 000001 CH, 600000 CH Equity, SH.600000), "
			+ "a Hong Kong code of 1 to 5 digits (700, 0700.HK, 00700.HK, HK.00700, 700 HK, 700 HK Equity) "
			+ "or a US ticker (BILI.O, TME.N, BILI.US, IQ US, MSFT US Equity, US.BILI)";

	/** Market suffixes and prefixes that name an exchange outright. */
	private static final Map<String, Exchange> MARKETS = Map.ofEntries(Map.entry("sh", Exchange.SH),
			Map.entry("ss", Exchange.SH), Map.entry("xshg", Exchange.SH), Map.entry("cg", Exchange.SH),
			Map.entry("sz", Exchange.SZ), Map.entry("xshe", Exchange.SZ), Map.entry("cs", Exchange.SZ),
			Map.entry("bj", Exchange.BJ), Map.entry("xbse", Exchange.BJ), Map.entry("bjse", Exchange.BJ),
			Map.entry("hk", Exchange.HK), Map.entry("xhkg", Exchange.HK));

	/**
	 * US market suffixes: Wind/Reuters {@code .O} (NASDAQ), {@code .N} (NYSE), {@code .A}
	 * (NYSE American); Bloomberg {@code US} (composite), {@code UW}/{@code UQ}/{@code UR}
	 * (NASDAQ tiers), {@code UN} (NYSE), {@code UA} (NYSE American), {@code UP} (NYSE
	 * Arca).
	 */
	private static final Pattern US_SUFFIX = Pattern.compile("([a-z]{1,5})\\.(o|n|a|us)");

	private static final Pattern US_BLOOMBERG = Pattern.compile("([a-z]{1,5}) (us|uw|uq|ur|un|ua|up)");

	private static final Pattern US_PREFIX = Pattern.compile("us\\.([a-z]{1,5})");

	private static final Pattern SUFFIXED = Pattern.compile("(\\d{1,6})\\.([a-z]{2,4})");

	private static final Pattern PREFIXED = Pattern.compile("([a-z]{2})\\.?(\\d{1,6})");

	/**
	 * Bloomberg: {@code CH} is its composite for mainland A shares, so the exchange comes
	 * from the board rules.
	 */
	private static final Pattern BLOOMBERG = Pattern.compile("(\\d{1,6}) ?(ch|cg|cs|hk)");

	private static final Pattern BARE = Pattern.compile("\\d{1,6}");

	/**
	 * Looks like an attempt at a code (letters and digits only, some digits): not a
	 * company name.
	 */
	private static final Pattern CODE_LIKE = Pattern
		.compile("[a-z]{0,4}\\.?\\d+(\\.[a-z]*)?|\\d+[a-z.]+|\\d+ [a-z]{2}|[a-z]{1,5} u[a-z]|us\\.[a-z0-9]+");

	/**
	 * The code as the graph keys companies: {@code 600000.SH}, {@code 700.HK},
	 * {@code BILI.US}.
	 */
	public String canonical() {
		return digits + "." + exchange;
	}

	@Override
	public String toString() {
		return canonical();
	}

	/**
	 * The same listing as market-data vendors spell it, so a dashboard can join the API's
	 * answers with its own data. A field is null where that vendor does not carry the
	 * market (baostock: Shanghai and Shenzhen only; JoinQuant: mainland only) or where
	 * the form needs what the code does not say (Wind's US suffix names the venue).
	 */
	public record Forms(String wind, String yahoo, String tushare, String baostock, String bloomberg, String futu,
			String joinquant) {
	}

	/** This listing's common vendor forms (see {@link Forms}). */
	public Forms forms() {
		return switch (exchange) {
			case SH -> new Forms(digits + ".SH", digits + ".SS", digits + ".SH", "sh." + digits, digits + " CH Equity",
					"SH." + digits, digits + ".XSHG");
			case SZ -> new Forms(digits + ".SZ", digits + ".SZ", digits + ".SZ", "sz." + digits, digits + " CH Equity",
					"SZ." + digits, digits + ".XSHE");
			case BJ -> new Forms(digits + ".BJ", null, digits + ".BJ", null, null, null, null);
			case HK -> {
				var four = pad(4);
				yield new Forms(four + ".HK", four + ".HK", pad(5) + ".HK", null, digits + " HK Equity", "HK." + pad(5),
						null);
			}
			case US -> new Forms(null, digits, null, null, digits + " US Equity", "US." + digits, null);
		};
	}

	private String pad(int width) {
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	/**
	 * The code in any accepted form.
	 * @throws IllegalArgumentException naming the accepted forms when it is none of them
	 */
	public static StockCode parse(String input) {
		return tryParse(input).orElseThrow(
				() -> new IllegalArgumentException("\"" + input + "\" is not a stock code: " + ACCEPTED_FORMS));
	}

	/** The code in any accepted form, or empty. */
	public static Optional<StockCode> tryParse(String input) {
		var text = TextFolding.fold(input).replaceFirst(" ?equity$", "").strip();
		var bloomberg = BLOOMBERG.matcher(text);
		if (bloomberg.matches()) {
			return "ch".equals(bloomberg.group(2)) ? bare(bloomberg.group(1))
					: of(bloomberg.group(1), MARKETS.get(bloomberg.group(2)));
		}
		var usBloomberg = US_BLOOMBERG.matcher(text);
		if (usBloomberg.matches()) {
			return us(usBloomberg.group(1));
		}
		text = text.replace(" ", "");
		var usSuffix = US_SUFFIX.matcher(text);
		if (usSuffix.matches()) {
			return us(usSuffix.group(1));
		}
		var usPrefix = US_PREFIX.matcher(text);
		if (usPrefix.matches()) {
			return us(usPrefix.group(1));
		}
		var suffixed = SUFFIXED.matcher(text);
		if (suffixed.matches()) {
			return of(suffixed.group(1), MARKETS.get(suffixed.group(2)));
		}
		var prefixed = PREFIXED.matcher(text);
		if (prefixed.matches()) {
			return of(prefixed.group(2), MARKETS.get(prefixed.group(1)));
		}
		return bare(text);
	}

	/**
	 * True when the input is shaped like a code, so failing to parse it is the user's
	 * typo, not a name.
	 */
	public static boolean looksLikeCode(String input) {
		var text = TextFolding.fold(input).replaceFirst(" ?equity$", "").strip();
		return CODE_LIKE.matcher(text).matches() || CODE_LIKE.matcher(text.replace(" ", "")).matches();
	}

	private static Optional<StockCode> bare(String digits) {
		if (!BARE.matcher(digits).matches()) {
			return Optional.empty();
		}
		return digits.length() == 6 ? Optional.ofNullable(mainlandExchange(digits)).map(e -> new StockCode(digits, e))
				: of(digits, Exchange.HK);
	}

	private static Optional<StockCode> us(String ticker) {
		return Optional.of(new StockCode(ticker.toUpperCase(Locale.ROOT), Exchange.US));
	}

	private static Optional<StockCode> of(String digits, Exchange exchange) {
		if (exchange == null) {
			return Optional.empty();
		}
		if (exchange == Exchange.HK) {
			var trimmed = digits.replaceFirst("^0+", "");
			return trimmed.isEmpty() || trimmed.length() > 5 ? Optional.empty()
					: Optional.of(new StockCode(trimmed, exchange));
		}
		return digits.length() == 6 ? Optional.of(new StockCode(digits, exchange)) : Optional.empty();
	}

	/** The board rules in this type's docstring, by leading digits. */
	private static Exchange mainlandExchange(String digits) {
		if (digits.startsWith("60") || digits.startsWith("68") || digits.startsWith("900")) {
			return Exchange.SH;
		}
		if (digits.startsWith("00") || digits.startsWith("30") || digits.startsWith("200")) {
			return Exchange.SZ;
		}
		if (digits.startsWith("4") || digits.startsWith("8") || digits.startsWith("92")) {
			return Exchange.BJ;
		}
		return null;
	}

}
