package com.themegraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.themegraph.extract.KnownNames.Known;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * The recognise stage: one Aho-Corasick automaton over every name the graph knows (listed
 * companies with their aliases, former names and short forms, and the technologies,
 * products, works, organisations and people a report may mention), run once over the
 * folded text. Folding drops white space and repairs PDF artefacts before this runs, so a
 * name broken by a space or a line break ({@code 冰川 网络}) or printed in traditional
 * characters is found like any other.
 * <p>
 * The automaton is {@code org.ahocorasick:ahocorasick} (maintained, no dependencies): it
 * finds every occurrence of every name in one pass, whatever the size of the dictionary,
 * where the older {@link NameTrie} walked a trie from every position. Overlaps are
 * settled by one rule: the longest name wins, then the leftmost (a short name inside a
 * longer known one, {@code 美图} in {@code 美图公司}, is not a second occurrence). A Latin name
 * must not start or end inside a longer Latin word ({@code AI} is not found in
 * {@code MAIL}), where a dropped space counts as a boundary.
 */
final class NameIndex {

	/**
	 * A name found at folded range [start, end): {@code companies} are the listed
	 * companies it names, {@code others} the mentionable entities (either may be empty).
	 */
	record Occurrence(int start, int end, List<Known> companies, List<Known> others) {

		boolean isCompany() {
			return !companies.isEmpty();
		}

	}

	private final PayloadTrie<String> automaton;

	private final Map<String, List<Known>> byKey = new HashMap<>();

	/**
	 * The index over these graph rows: every name, English name, alias and former name of
	 * each company and mentionable entity, folded as report text is; a company's name is
	 * also indexed without its market tags ({@code *ST}, {@code -W}).
	 */
	NameIndex(List<Known> rows) {
		var keys = new HashMap<String, Set<Known>>();
		for (var row : rows) {
			boolean company = row.is("Company");
			boolean mentionable = row.kinds().stream().anyMatch(KnownNames.MENTIONABLE::contains);
			if (!company && !mentionable) {
				continue;
			}
			for (var name : row.names()) {
				if (name == null) {
					continue;
				}
				add(keys, FoldedText.key(name), row);
				if (company) {
					add(keys, KnownNames.companyKey(name), row);
				}
			}
		}
		var builder = PayloadTrie.<String>builder();
		keys.forEach((key, known) -> {
			byKey.put(key, List.copyOf(known));
			builder.addKeyword(key, key);
		});
		this.automaton = builder.build();
	}

	private static void add(Map<String, Set<Known>> keys, String key, Known row) {
		if (key.length() >= NameTrie.MIN_KEY) {
			keys.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(row);
		}
	}

	/**
	 * Every known name in the text, in text order, never overlapping: the longest wins,
	 * then the leftmost. Counts the text's length and the raw hits against the text's
	 * budget.
	 * @throws ExtractionStoppedException when the budget runs out
	 */
	List<Occurrence> scan(FoldedText text) {
		var budget = text.budget();
		budget.step(text.length());
		var hits = new ArrayList<PayloadEmit<String>>();
		for (var emit : automaton.parseText(text.folded())) {
			budget.step();
			// The library's end is inclusive.
			if (NameTrie.startsWord(text, emit.getStart()) && NameTrie.endsWord(text, emit.getEnd() + 1)) {
				hits.add(emit);
			}
		}
		hits.sort(Comparator.<PayloadEmit<String>>comparingInt(e -> e.getStart() - e.getEnd())
			.thenComparingInt(PayloadEmit::getStart));
		var taken = new boolean[text.length()];
		var chosen = new ArrayList<Occurrence>();
		for (var hit : hits) {
			budget.step();
			int start = hit.getStart();
			int end = hit.getEnd() + 1;
			boolean free = true;
			for (int i = start; i < end && free; i++) {
				free = !taken[i];
			}
			if (!free) {
				continue;
			}
			for (int i = start; i < end; i++) {
				taken[i] = true;
			}
			var known = byKey.get(hit.getPayload());
			var companies = known.stream().filter(k -> k.is("Company")).toList();
			var others = known.stream().filter(k -> !k.is("Company")).toList();
			chosen.add(new Occurrence(start, end, companies, others));
		}
		chosen.sort(Comparator.comparingInt(Occurrence::start));
		return chosen;
	}

	/** The known entities named exactly {@code key} (folded), or none. */
	List<Known> named(String key) {
		return byKey.getOrDefault(key, List.of());
	}

}
