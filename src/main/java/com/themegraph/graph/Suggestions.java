package com.themegraph.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import org.springframework.stereotype.Component;

/**
 * The closest known ids to one the graph does not have: by edit distance over ids, names
 * and aliases (folded), and by containment either way, so {@code sor} and
 * {@code openai-sora} both lead to {@code sora}.
 */
@Component
public class Suggestions {

	private static final DamerauLevenshteinDistance EDITS = new DamerauLevenshteinDistance();

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
			var names = new ArrayList<>((List<String>) row.get("names"));
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
		// One letter inside a longer text says nothing (a one-letter US ticker, Z, is in
		// every code ending .sz): containment counts from two characters (美图 in 美图公司).
		if (Math.min(a.length(), b.length()) >= 2 && (b.contains(a) || a.contains(b))) {
			return 0.25 * (1 - (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length())) + 0.05;
		}
		int longer = Math.max(a.length(), b.length());
		// Edits are at least the difference in length: past half the longer name no edit
		// count can come under the 0.5 a suggestion needs, so the quadratic count is
		// skipped (thousands of directory companies' names are compared per unknown id).
		if (longer - Math.min(a.length(), b.length()) > longer / 2) {
			return 1;
		}
		return (double) editDistance(a, b) / longer;
	}

	/**
	 * Edits between two strings, a swap of neighbours counting as one
	 * (Damerau-Levenshtein): {@code 300495} is one slip from {@code 300459}, as a typist
	 * would see it.
	 */
	static int editDistance(String a, String b) {
		return EDITS.apply(a, b);
	}

}
