package com.themegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.themegraph.extract.Roles.Zone;

/**
 * The fallback for names no dictionary holds: the items of a recommendation list that no
 * known name covers, cut at the list's separators, for the draft to list under
 * {@code review.unresolved} (never with a code). Only a list the dictionary has shown to
 * be one of companies (at least one recommended company in it) is cut, and only an item
 * shaped like a company's short name ({@link CompanyLists#looksLikeName}) is kept.
 */
final class ListItems {

	/** An item at folded [start, end), and its text as printed (cleaned). */
	record Item(int start, int end, String text) {
	}

	/** Between two items: list punctuation, 等, and the words that join two names. */
	private static final String SEPARATORS = "、,;/:。等和及与";

	/**
	 * What a market label leaves before the first name of its part (港股: ..., A 股主要有 ...):
	 * the label and the words that introduce a list.
	 */
	private static final Pattern LEAD = Pattern
		.compile("^(?:(?:港股|h股|a股|美股|中概股?)[\\p{IsHan}]{0,4}?(?:主要有|有|包括|为|:)?|如|及|和|以及|包括|例如|比如)");

	private ListItems() {
	}

	/**
	 * The items of {@code zone}'s list that hold none of {@code covered} (folded [start,
	 * end) pairs of the names recognised in it) and look like a company's name. The list
	 * is the run of items from the first recommended company ({@code recommended}: folded
	 * ranges) to the last, and on past it while items look like names, up to a 等 or the
	 * end of the sentence: prose after the list is not cut into names.
	 */
	static List<Item> leftovers(FoldedText text, Zone zone, List<int[]> covered, List<int[]> recommended) {
		var f = text.folded();
		int first = Integer.MAX_VALUE;
		int last = -1;
		for (var range : recommended) {
			if (range[0] >= zone.cueEnd() && range[1] <= zone.end()) {
				first = Math.min(first, range[0]);
				last = Math.max(last, range[1]);
			}
		}
		var items = new ArrayList<Item>();
		if (last < 0) {
			return items;
		}
		int start = zone.cueEnd();
		for (int i = zone.cueEnd(); i <= zone.end(); i++) {
			text.budget().step();
			if (i < zone.end() && SEPARATORS.indexOf(f.charAt(i)) < 0) {
				continue;
			}
			int from = start;
			int to = i;
			start = i + 1;
			if (to <= first) {
				continue;
			}
			boolean pastLast = from >= last;
			if (to - from < 2 || holdsName(from, to, covered)) {
				if (pastLast && to - from >= 2) {
					break;
				}
				continue;
			}
			var key = f.substring(from, to);
			var lead = LEAD.matcher(key);
			if (lead.lookingAt() && lead.end() < key.length()) {
				from += lead.end();
				key = key.substring(lead.end());
			}
			if (CompanyLists.looksLikeName(key)) {
				items.add(new Item(from, to, Passages.clean(text.originalOf(from, to))));
			}
			else if (pastLast) {
				break;
			}
			if (pastLast && i < f.length() && f.charAt(i) == '等') {
				break;
			}
		}
		return items;
	}

	private static boolean holdsName(int from, int to, List<int[]> covered) {
		for (var range : covered) {
			if (range[0] < to && range[1] > from) {
				return true;
			}
		}
		return false;
	}

}
