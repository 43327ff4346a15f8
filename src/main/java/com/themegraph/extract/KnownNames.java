package com.themegraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.themegraph.graph.TextFolding;

/**
 * What the graph knows by name, folded for matching: the entities a report may mention,
 * the listed companies a recommendation may name, and the themes and risks a draft may
 * reuse.
 */
final class KnownNames {

	/**
	 * One graph row of {@code extract-known-names.cypher}; {@code source} is the report,
	 * entity file or company directory that defined it.
	 */
	record Known(String id, List<String> kinds, String name, String nameEn, List<String> aliases, String type,
			List<String> formerCodes, List<String> formerNames, String source) {

		Known(String id, List<String> kinds, String name, String nameEn, List<String> aliases, String type) {
			this(id, kinds, name, nameEn, aliases, type, List.of(), List.of(), null);
		}

		List<String> names() {
			var names = new ArrayList<String>();
			names.add(name);
			if (nameEn != null) {
				names.add(nameEn);
			}
			names.addAll(aliases == null ? List.of() : aliases);
			// An older report prints the name the company had then.
			names.addAll(formerNames == null ? List.of() : formerNames);
			return names;
		}

		/** Whether {@code code} (canonical) is this company's, now or before. */
		boolean hasCode(String code) {
			return id.equals(code) || formerCodes != null && formerCodes.contains(code);
		}

		boolean is(String kind) {
			return kinds.contains(kind);
		}

		boolean isBroker() {
			return is("Broker") || "broker".equals(type);
		}

		/**
		 * When one name names several things, the more specific kind is what a report
		 * means: a tool, not its maker.
		 */
		int rank() {
			if (is("Technology") || is("Product") || is("Work")) {
				return 0;
			}
			return is("Organization") ? 1 : 2;
		}

	}

	static final List<String> MENTIONABLE = List.of("Technology", "Product", "Work", "Organization", "Person");

	private final NameTrie<Known> mentionable = new NameTrie<>();

	private final Map<String, Set<Known>> companies = new HashMap<>();

	private final Map<String, Known> companiesByCode = new HashMap<>();

	private final Map<String, Known> formerCodes = new HashMap<>();

	private final Map<String, String> themes = new HashMap<>();

	private final Map<String, String> risks = new HashMap<>();

	private final NameIndex index;

	KnownNames(List<Known> rows) {
		this.index = new NameIndex(rows);
		for (var row : rows) {
			if (row.kinds().stream().anyMatch(MENTIONABLE::contains)) {
				row.names().forEach(name -> mentionable.add(FoldedText.key(name), row));
			}
			if (row.is("Company")) {
				row.names()
					.forEach(name -> companies.computeIfAbsent(companyKey(name), k -> new LinkedHashSet<>()).add(row));
				companiesByCode.put(row.id(), row);
				if (row.formerCodes() != null) {
					row.formerCodes().forEach(code -> formerCodes.putIfAbsent(code, row));
				}
			}
			if (row.is("Theme")) {
				themes.putIfAbsent(FoldedText.key(row.name()), row.id());
			}
			if (row.is("Risk")) {
				risks.putIfAbsent(FoldedText.key(row.name()), row.id());
			}
		}
	}

	/** The automaton over every company and mentionable name (the recognise stage). */
	NameIndex index() {
		return index;
	}

	NameTrie<Known> mentionable() {
		return mentionable;
	}

	/**
	 * Companies whose name or alias is exactly this folded key: one is a resolution, two
	 * an ambiguity.
	 */
	Set<Known> companies(String key) {
		return companies.getOrDefault(companyKey(key), Set.of());
	}

	/**
	 * A company name's key as the extractor folds it, without market tags
	 * ({@link TextFolding#companyKey}): a report's {@code *ST华录}, a bold {@code ST华录}
	 * whose star was taken for markup, and the graph's {@code 华录} meet.
	 */
	static String companyKey(String name) {
		return TextFolding.companyKey(FoldedText.key(name));
	}

	/**
	 * The company with this canonical code, or else the one that had it before (an older
	 * report prints the code of its day), or null.
	 */
	Known company(String code) {
		var current = companiesByCode.get(code);
		return current != null ? current : formerCodes.get(code);
	}

	String themeId(String key) {
		return themes.get(key);
	}

	String riskId(String key) {
		return risks.get(key);
	}

}
