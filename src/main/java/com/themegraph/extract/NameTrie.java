package com.themegraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Known names, folded, found in folded text longest match first. Chinese has no word
 * boundaries, so any position may start a name; a Latin name must not start or end inside
 * a longer Latin word ("GPT" is not found in "ChatGPT"), where a dropped space counts as
 * a boundary.
 */
final class NameTrie<T> {

	/** A name found at folded range [start, end), naming one or more known things. */
	record Match<T>(int start, int end, Set<T> values) {
	}

	private static final class Node<T> {

		final Map<Character, Node<T>> next = new HashMap<>();

		final Set<T> values = new LinkedHashSet<>();

	}

	/** Keys shorter than this are too likely to occur by chance in Chinese prose. */
	static final int MIN_KEY = 2;

	private final Node<T> root = new Node<>();

	void add(String key, T value) {
		if (key.length() < MIN_KEY) {
			return;
		}
		var node = root;
		for (int i = 0; i < key.length(); i++) {
			node = node.next.computeIfAbsent(key.charAt(i), c -> new Node<>());
		}
		node.values.add(value);
	}

	/**
	 * Every name in folded range [from, to), leftmost first, the longest at each place,
	 * never overlapping.
	 */
	List<Match<T>> scan(FoldedText text, int from, int to) {
		var found = new ArrayList<Match<T>>();
		int i = from;
		while (i < to) {
			text.budget().step();
			var match = longestAt(text, i, to);
			if (match == null) {
				i++;
			}
			else {
				found.add(match);
				i = match.end();
			}
		}
		return found;
	}

	Match<T> longestAt(FoldedText text, int start, int limit) {
		if (!startsWord(text, start)) {
			return null;
		}
		var ends = new ArrayList<Integer>();
		var nodes = new ArrayList<Node<T>>();
		var node = root;
		var budget = text.budget();
		for (int i = start; i < limit; i++) {
			budget.step();
			node = node.next.get(text.charAt(i));
			if (node == null) {
				break;
			}
			if (!node.values.isEmpty()) {
				ends.add(i + 1);
				nodes.add(node);
			}
		}
		for (int k = ends.size() - 1; k >= 0; k--) {
			budget.step();
			if (endsWord(text, ends.get(k))) {
				return new Match<>(start, ends.get(k), nodes.get(k).values);
			}
		}
		return null;
	}

	static boolean startsWord(FoldedText text, int start) {
		return start == 0 || text.gapBefore(start) != FoldedText.Gap.NONE || !isWordChar(text.charAt(start))
				|| !isWordChar(text.charAt(start - 1));
	}

	static boolean endsWord(FoldedText text, int end) {
		return end >= text.length() || text.gapBefore(end) != FoldedText.Gap.NONE || !isWordChar(text.charAt(end - 1))
				|| !isWordChar(text.charAt(end));
	}

	/**
	 * Letters and digits of alphabetic scripts: CJK starts at U+2E80, and has no words to
	 * be inside of.
	 */
	static boolean isWordChar(char c) {
		return c < '\u2E80' && Character.isLetterOrDigit(c);
	}

}
