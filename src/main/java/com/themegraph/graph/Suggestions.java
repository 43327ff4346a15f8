package com.themegraph.graph;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The closest known ids to one the graph does not have: by edit distance over ids, names
 * and aliases (folded), and by containment either way, so {@code sor} and
 * {@code openai-sora} both lead to {@code sora}.
 */
@Component
public class Suggestions {

	public record Suggestion(String id, String name) {
	}

	private static final int MAX = 5;

	private final CypherQueries cypher;

	Suggestions(CypherQueries cypher) {
		this.cypher = cypher;
	}

	@ReadTransaction
	public List<Suggestion> closest(String input, List<String> kinds) {
		var wanted = TextFolding.fold(input);
		record Scored(Suggestion suggestion, double distance) {
		}
		return cypher.query("entity-names").bind(kinds).to("kinds").fetch().all().stream().map(row -> {
			@SuppressWarnings("unchecked")
			var names = new java.util.ArrayList<>((List<String>) row.get("names"));
			names.add(TextFolding.fold((String) row.get("id")));
			var best = names.stream().mapToDouble(name -> distance(wanted, name)).min().orElse(1);
			return new Scored(new Suggestion((String) row.get("id"), (String) row.get("name")), best);
		})
			.filter(scored -> scored.distance() <= 0.5)
			.sorted(Comparator.comparingDouble(Scored::distance).thenComparing(s -> s.suggestion().id()))
			.limit(MAX)
			.map(Scored::suggestion)
			.toList();
	}

	/** 0 for equal, up to 1 for nothing in common; containment counts as close. */
	static double distance(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 1;
		}
		if (a.equals(b)) {
			return 0;
		}
		if (b.contains(a) || a.contains(b)) {
			return 0.25 * (1 - (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length())) + 0.05;
		}
		return (double) editDistance(a, b) / Math.max(a.length(), b.length());
	}

	/**
	 * Edits between two strings, a swap of neighbours counting as one (optimal string
	 * alignment): {@code 300495} is one slip from {@code 300459}, as a typist would see
	 * it.
	 */
	static int editDistance(String a, String b) {
		var beforePrevious = new int[b.length() + 1];
		var previous = new int[b.length() + 1];
		var current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
				}
			}
			var recycled = beforePrevious;
			beforePrevious = previous;
			previous = current;
			current = recycled;
		}
		return previous[b.length()];
	}

}
