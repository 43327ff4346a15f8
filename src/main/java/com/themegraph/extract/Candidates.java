package com.themegraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.themegraph.extract.FoldedText.Gap;

/**
 * Names the graph does not know yet, proposed for review ({@code review.candidates}): the
 * technologies, products, works and organisations a report discusses are mostly named in
 * Latin script (a model, an app, a company abroad) or set off by quotation marks, and a
 * reviewer who sees them listed can add them as entities. Never resolved, never a
 * recommendation: a proposal with its sentence.
 * <p>
 * Left out by shape, not by word: e-mail addresses and web addresses, SAC and licence
 * numbers, stock codes and exchange letters, figures with units, and anything the
 * dictionary already recognised.
 */
final class Candidates {

	/** A proposed name, as printed, with the passage it stands in. */
	record Candidate(String text, String quote) {
	}

	/** A Latin-script name in folded text: letters and digits, joined by . + - or &. */
	private static final Pattern LATIN = Pattern.compile("[a-z][a-z0-9]*(?:[.+&-]?[a-z0-9]+)*");

	/** A name set off by quotation marks (“元宝”, "MOSS"), folded. */
	private static final Pattern QUOTED = Pattern.compile("[“\"']([\\p{IsHan}a-z0-9 .-]{2,12})[”\"']");

	/** Shapes that are no name: codes and their exchange letters, units, periods. */
	private static final Pattern NOT_A_NAME = Pattern.compile(
			"s\\d+|[a-z]\\d*|[a-z]{2}\\d+|\\d.*|(?:sz|sh|hk|us|ch|cn|bj|equity|yoy|qoq|mom|ttm|eps|pe|pb|ps|roe|roa|gmv"
					+ "|dau|mau|arpu|ipo|etf|wind|ifind|choice|pdf|table|page|sac|sfc|no|www|com|cn|html|e|a|h)");

	/** The most a draft proposes: a report discusses tens of new names, not hundreds. */
	static final int MOST = 60;

	private Candidates() {
	}

	/**
	 * The names proposed in {@code text}, in order of first appearance, each once;
	 * {@code recognised} are the dictionary's occurrences, which are not proposed.
	 */
	static List<Candidate> find(FoldedText text, List<NameIndex.Occurrence> recognised) {
		var f = text.folded();
		var known = new boolean[f.length()];
		for (var at : recognised) {
			for (int i = at.start(); i < at.end(); i++) {
				known[i] = true;
			}
		}
		var found = new LinkedHashMap<String, Candidate>();
		var latin = LATIN.matcher(text.metered());
		while (latin.find() && found.size() < MOST) {
			int start = latin.start();
			int end = latin.end();
			if (known[start] || NOT_A_NAME.matcher(latin.group()).matches() || partOfAddress(f, start, end)
					|| (start > 0 && text.gapBefore(start) == Gap.NONE && Character.isDigit(f.charAt(start - 1)))) {
				continue;
			}
			add(text, found, start, end);
		}
		var quoted = QUOTED.matcher(text.metered());
		while (quoted.find() && found.size() < MOST) {
			if (!known[quoted.start(1)]) {
				add(text, found, quoted.start(1), quoted.end(1));
			}
		}
		return new ArrayList<>(found.values());
	}

	private static void add(FoldedText text, LinkedHashMap<String, Candidate> found, int start, int end) {
		var key = text.folded().substring(start, end).toLowerCase(Locale.ROOT);
		if (!found.containsKey(key)) {
			found.put(key,
					new Candidate(Passages.clean(text.originalOf(start, end)), Passages.passage(text, start, end)));
		}
	}

	/** Whether [start, end) is part of an e-mail or web address. */
	private static boolean partOfAddress(String f, int start, int end) {
		int from = Math.max(0, start - 40);
		int to = Math.min(f.length(), end + 40);
		for (int i = start; i > from && f.charAt(i - 1) != ' '; i--) {
			if (f.charAt(i - 1) == '@' || f.charAt(i - 1) == '/') {
				return true;
			}
			if (Character.UnicodeScript.of(f.charAt(i - 1)) == Character.UnicodeScript.HAN) {
				break;
			}
		}
		for (int i = end; i < to; i++) {
			char c = f.charAt(i);
			if (c == '@') {
				return true;
			}
			if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
				break;
			}
		}
		return false;
	}

}
