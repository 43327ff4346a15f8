package com.themegraph.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import com.themegraph.extract.KnownNames.Known;
import com.themegraph.extract.Recommendations.Group;
import com.themegraph.extract.Recommendations.Unresolved;
import com.themegraph.extract.Roles.Kind;

/**
 * The assemble stage for recommendations: the groups a draft's themes are made of. It
 * starts from the groups the layout readers found ({@link Recommendations},
 * {@link CompanyLists}: lists and tables, with the names no dictionary holds), and adds
 * every company the classifier found recommended that they missed, to the group whose
 * list holds it or else to the group its nearest heading names (the cue's clause with the
 * market label before it, a table's sub-heading row). Each company is quoted by its own
 * sentence or table row, never a whole list or table.
 * <p>
 * A name with several listings takes the market its context gives (a market label, an
 * -SW/-W tag, a printed code); with none it is not resolved: it goes under
 * {@code review.ambiguous} with every candidate. An unresolved item of a layout reader
 * that holds a company the dictionary found ({@code 研究助理分众传媒}, the other column's label
 * glued to a name) is dropped: the company stands for it.
 */
final class Themes {

	/** A company of a theme: its code, its name as printed, its source and its quote. */
	record Pick(String code, String name, String source, String quote) {
	}

	/** A name that names several listings, none of which the context picks. */
	record Ambiguous(String text, List<String> candidates, String quote, String why) {
	}

	/**
	 * One theme to draft: the group's name and quotes, its companies and what stayed
	 * unresolved in it; [segmentStart, listStart) is the stretch that argues it.
	 */
	record Theme(String name, String headingQuote, String listQuote, int segmentStart, int listStart,
			List<Pick> companies, List<Unresolved> unresolved) {
	}

	private Themes() {
	}

	/**
	 * The themes of a draft, in text order of their groups, and the ambiguous names met
	 * on the way (added to {@code ambiguous}).
	 * @throws ExtractionStoppedException when the text's budget runs out
	 */
	static List<Theme> assemble(FoldedText text, List<Group> groups, Roles.Classified classified,
			List<NameIndex.Occurrence> recognised, List<Ambiguous> ambiguous) {
		var roles = classified.roles();
		var budget = text.budget();
		var themes = new ArrayList<Builder>();
		for (var group : groups) {
			themes.add(new Builder(group));
		}
		var taken = new HashSet<String>();
		var coveredKeys = new HashSet<String>();
		for (var theme : themes) {
			theme.companies.forEach(pick -> taken.add(pick.code()));
		}
		var byHeading = new LinkedHashMap<String, Builder>();
		var homes = new TreeMap<Integer, Builder>();
		var recommended = new HashSet<Integer>();
		for (var role : roles) {
			budget.step();
			if (role.kind() != Kind.RECOMMENDED) {
				continue;
			}
			var at = role.at();
			var printedName = Passages.clean(text.originalOf(at.start(), at.end()));
			var quote = role.row() ? Passages.quote(text, role.unitStart(), role.unitEnd())
					: Passages.passage(text, at.start(), at.end());
			var key = text.folded().substring(at.start(), at.end());
			var printed = Lines.printedCode(text, at.end());
			if (printed != null && at.companies().stream().noneMatch(k -> k.hasCode(printed))) {
				// A printed code that contradicts the name: the layout readers put it
				// under
				// review with both candidates.
				continue;
			}
			coveredKeys.add(key);
			var chosen = choose(text, role);
			recommended.add(at.start());
			boolean ownHeading = role.heading() != null && (role.row() || role.labelled());
			var home = ownHeading ? null : themes.stream().filter(t -> t.holds(at.start())).findFirst().orElse(null);
			if (home == null) {
				var heading = role.heading() == null ? "group" : role.heading();
				home = byHeading.get(heading);
				if (home == null) {
					// A reader's group of the same name (港股 after 建议关注：港股：) is that
					// group.
					home = themes.stream().filter(t -> heading.equals(t.name)).findFirst().orElse(null);
				}
				if (home == null) {
					home = new Builder(heading, quote, role.unitStart());
					byHeading.put(heading, home);
					themes.add(home);
				}
			}
			homes.put(at.start(), home);
			if (chosen == null) {
				if (taken.stream().noneMatch(code -> at.companies().stream().anyMatch(k -> k.id().equals(code)))
						&& ambiguous.stream().noneMatch(a -> a.text().equals(printedName))) {
					var candidates = at.companies().stream().map(k -> k.id() + " (" + k.name() + ")").sorted().toList();
					ambiguous.add(new Ambiguous(printedName, candidates, quote, "the name has " + candidates.size()
							+ " listings and neither a market label, a tag (-W, -SW) nor a printed code says which "
							+ "one the report means: none was chosen"));
					home.own.add(new Unresolved(printedName, "names " + candidates.size() + " listings ("
							+ String.join(", ", candidates) + "); see review.ambiguous"));
				}
				continue;
			}
			// The layout readers' pick of the same company keeps its group; it takes this
			// quote, which is the company's own sentence or row.
			for (var theme : themes) {
				theme.requote(chosen.id(), quote);
			}
			// The classifier's group wins where it knows more than the layout reader's: a
			// table's sub-heading row, a market label without a colon.
			boolean regroup = role.heading() != null && (role.row() || role.labelled());
			if (regroup) {
				boolean moved = false;
				for (var theme : themes) {
					if (theme.name == null || !theme.name.equals(role.heading())) {
						moved |= theme.companies.removeIf(p -> p.code().equals(chosen.id()));
					}
				}
				if (moved) {
					taken.remove(chosen.id());
				}
			}
			if (!taken.add(chosen.id())) {
				continue;
			}
			var pick = new Pick(chosen.id(), printedName, chosen.source(), quote);
			home.companies.add(pick);
		}
		leftovers(text, classified.zones(), recognised, recommended, homes, themes);
		var out = new ArrayList<Theme>();
		themes.sort((a, b) -> Integer.compare(a.listStart, b.listStart));
		for (var theme : themes) {
			var built = theme.build(text, coveredKeys);
			// A reader's group whose companies all moved to their own headings is gone.
			if (!built.companies().isEmpty() || !built.unresolved().isEmpty()) {
				out.add(built);
			}
		}
		return out;
	}

	/**
	 * The names no dictionary holds in the lists the dictionary found companies in: under
	 * review in the group of the nearest company before them (after them for the first),
	 * once per draft.
	 */
	private static void leftovers(FoldedText text, List<Roles.Zone> zones, List<NameIndex.Occurrence> recognised,
			Set<Integer> recommended, TreeMap<Integer, Builder> homes, List<Builder> themes) {
		var covered = new ArrayList<int[]>();
		var companies = new ArrayList<int[]>();
		for (var at : recognised) {
			if (!at.isCompany() || recommended.contains(at.start())) {
				covered.add(new int[] { at.start(), at.end() });
			}
			if (recommended.contains(at.start())) {
				companies.add(new int[] { at.start(), at.end() });
			}
		}
		var listed = new HashSet<String>();
		for (var theme : themes) {
			theme.unresolved.forEach(item -> listed.add(FoldedText.key(item.text())));
			theme.own.forEach(item -> listed.add(FoldedText.key(item.text())));
			theme.companies.forEach(pick -> listed.add(FoldedText.key(pick.name())));
		}
		for (var zone : zones) {
			var first = homes.ceilingEntry(zone.cueEnd());
			if (first == null || first.getKey() >= zone.end()) {
				continue;
			}
			for (var item : ListItems.leftovers(text, zone, covered, companies)) {
				if (!listed.add(FoldedText.key(item.text()))) {
					continue;
				}
				var before = homes.floorEntry(item.start());
				var home = before != null && before.getKey() >= zone.cueEnd() ? before.getValue() : first.getValue();
				home.unresolved
					.add(new Unresolved(item.text(), "no listed company in the graph has this name or alias"));
			}
		}
	}

	/**
	 * The listing an occurrence means: its only one; else the one its printed code names;
	 * else the one its tag or market label points to; else none (null).
	 */
	static Known choose(FoldedText text, Roles.Role role) {
		var candidates = role.at().companies();
		var printed = Lines.printedCode(text, role.at().end());
		if (printed != null) {
			// A printed code that contradicts the name resolves nothing here: the layout
			// readers put it under review with both candidates.
			return candidates.stream().filter(k -> k.hasCode(printed)).findFirst().orElse(null);
		}
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		var f = text.folded();
		int end = role.at().end();
		String market = role.market();
		if (f.startsWith("-", end) && end + 1 < f.length() && Character.isLetter(f.charAt(end + 1))) {
			// -W, -SW, -S, -B are Hong Kong's markers.
			market = "HK";
		}
		if (market == null) {
			return null;
		}
		var inMarket = new ArrayList<Known>();
		for (var known : candidates) {
			if (market.equals(marketOf(known.id()))) {
				inMarket.add(known);
			}
		}
		return inMarket.size() == 1 ? inMarket.get(0) : null;
	}

	static String marketOf(String code) {
		var upper = code.toUpperCase(Locale.ROOT);
		if (upper.endsWith(".HK")) {
			return "HK";
		}
		return upper.endsWith(".US") ? "US" : "A";
	}

	private static final class Builder {

		final String name;

		final String headingQuote;

		final String listQuote;

		final int segmentStart;

		final int listStart;

		final int listEnd;

		final List<Pick> companies = new ArrayList<>();

		final List<Unresolved> unresolved;

		/**
		 * What this stage itself leaves under review (names of several listings, list
		 * items no dictionary holds): kept whatever the readers' items were.
		 */
		final List<Unresolved> own = new ArrayList<>();

		/** Codes still quoted by the whole list: the dictionary has not placed them. */
		final Set<String> listQuoted = new HashSet<>();

		Builder(Group group) {
			this.name = group.name();
			this.headingQuote = group.headingQuote();
			this.listQuote = group.listQuote();
			this.segmentStart = group.segmentStart();
			this.listStart = group.listStart();
			this.listEnd = group.listEnd();
			// Until the dictionary finds the company's own sentence or row, its quote is
			// the list's.
			group.companies().forEach(c -> {
				companies.add(new Pick(c.code(), c.name(), c.source(), group.listQuote()));
				listQuoted.add(c.code());
			});
			this.unresolved = new ArrayList<>(group.unresolved());
		}

		Builder(String heading, String quote, int start) {
			this.name = heading;
			this.headingQuote = null;
			this.listQuote = quote;
			this.segmentStart = start;
			this.listStart = start;
			this.listEnd = start;
			this.unresolved = new ArrayList<>();
		}

		boolean holds(int at) {
			return at >= listStart && at < listEnd;
		}

		void requote(String code, String quote) {
			for (int i = 0; i < companies.size(); i++) {
				var pick = companies.get(i);
				// The smaller unit quotes it: a short 【...】 list is smaller than its
				// sentence.
				if (pick.code().equals(code) && quote.length() < listQuote.length() && listQuoted.remove(code)) {
					companies.set(i, new Pick(pick.code(), pick.name(), pick.source(), quote));
				}
			}
		}

		Theme build(FoldedText text, Set<String> coveredKeys) {
			for (int i = 0; i < companies.size(); i++) {
				var pick = companies.get(i);
				if (listQuoted.contains(pick.code())) {
					// Placed by a layout reader only (a code printed, a name the
					// dictionary
					// spells otherwise): quoted by the passage where its name stands.
					int at = text.folded().indexOf(FoldedText.key(pick.name()), listStart);
					var passage = at >= 0 && at < listEnd
							? Passages.passage(text, at, at + FoldedText.key(pick.name()).length()) : listQuote;
					if (passage.length() < listQuote.length()) {
						companies.set(i, new Pick(pick.code(), pick.name(), pick.source(), passage));
					}
				}
			}
			// In the order the text names them, whichever stage placed them.
			var f = text.folded();
			companies.sort(java.util.Comparator.comparingInt(pick -> {
				int at = f.indexOf(FoldedText.key(pick.name()), segmentStart);
				return at < 0 ? Integer.MAX_VALUE : at;
			}));
			var kept = unresolved.stream().filter(item -> {
				var key = FoldedText.key(item.text());
				return coveredKeys.stream().noneMatch(key::contains);
			}).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
			kept.addAll(own);
			return new Theme(name, headingQuote, listQuote, segmentStart, listStart, List.copyOf(companies), kept);
		}

	}

}
