package com.themegraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.extract.KnownNames.Known;

/**
 * Every known technology, product, work, organisation and person the text names, where it
 * names it. A name shared by several entities goes to the most specific kind (Runway the
 * tool rather than Runway the company); when that still leaves more than one, none is
 * chosen, and the draft asks the reviewer.
 */
final class Mentions {

	/**
	 * A name at folded range [start, end) and the entity it was taken to mean (null:
	 * ambiguous).
	 */
	record Found(int start, int end, Known entity, List<Known> candidates) {

		boolean ambiguous() {
			return candidates.size() > 1;
		}

	}

	private Mentions() {
	}

	/**
	 * The mentionable entities among the recognised names: an occurrence of a company
	 * name is not a mention (the longest name won there, so 美图 inside 美图公司 is not the
	 * product).
	 */
	static List<Found> find(FoldedText text, List<NameIndex.Occurrence> recognised) {
		var found = new ArrayList<Found>();
		for (var match : recognised) {
			if (match.others().isEmpty()) {
				continue;
			}
			text.budget().step(match.others().size());
			var candidates = match.others()
				.stream()
				.sorted(Comparator.comparingInt(Known::rank).thenComparing(Known::id))
				.toList();
			int best = candidates.get(0).rank();
			var top = candidates.stream().filter(k -> k.rank() == best).toList();
			found.add(new Found(match.start(), match.end(), top.size() == 1 ? top.get(0) : null, candidates));
		}
		return found;
	}

	/**
	 * The index of the first mention starting at or after folded position {@code from},
	 * or {@code found.size()}: mentions are in text order and never overlap, so a range
	 * of text finds its mentions without walking all of them.
	 */
	static int firstFrom(List<Found> found, int from) {
		int low = 0;
		int high = found.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (found.get(mid).start() < from) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/** The first place each entity is named, in order of appearance. */
	static Map<String, Found> firstOccurrences(List<Found> found) {
		var first = new LinkedHashMap<String, Found>();
		found.stream().filter(f -> f.entity() != null).forEach(f -> first.putIfAbsent(f.entity().id(), f));
		return first;
	}

}
