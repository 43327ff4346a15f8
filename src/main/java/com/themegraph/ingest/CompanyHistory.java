package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.TextFolding;

/**
 * A company's history (its {@code formerCodes} and {@code formerNames}) may not
 * contradict the graph: a former code or name that another company holds now would send a
 * look-up by it to the wrong company, or to two. Checked before anything is written, like
 * the other checks against the graph, by the one-document loader (the bulk loader sends a
 * document giving history through it).
 */
final class CompanyHistory {

	private CompanyHistory() {
	}

	/** Whether any company of the plan gives former codes or names. */
	static boolean givesHistory(WritePlan plan) {
		return plan.nodes()
			.stream()
			.anyMatch(node -> node.props().containsKey("formerCodes") || node.props().containsKey("formerNames"));
	}

	/**
	 * The history a document gives a company another source defined: that source's to
	 * give, so refused at the list's pointer rather than dropped unwritten, as a
	 * restatement's other values would be.
	 * @param node the document's entry for the company
	 * @param owner the source that defined it
	 * @param pointer the entry's JSON pointer
	 */
	static List<Violation> onForeign(WritePlan.NodeRow node, String owner, String pointer) {
		var violations = new ArrayList<Violation>();
		for (var field : List.of("formerCodes", "formerNames")) {
			if (node.props().containsKey(field)) {
				violations.add(new Violation(pointer + "/" + field, "\"" + node.id() + "\" is defined by " + owner
						+ ": its history is that source's to give; a document may not add " + field + " to it"));
			}
		}
		return violations;
	}

	/**
	 * Former codes and names of the companies a document defines that another company has
	 * as its current code or name, in the graph or in the same document.
	 * @param plan the document's plan
	 * @param existing what the graph holds of the ids the plan names
	 * @param cypher the named queries ({@code ingest-history-clashes})
	 * @return one violation per clashing entry, at its pointer, naming the company
	 */
	@SuppressWarnings("unchecked")
	static List<Violation> clashes(WritePlan plan, Map<String, DocumentLoader.Existing> existing,
			CypherQueries cypher) {
		var rows = new ArrayList<Map<String, Object>>();
		var entries = new HashMap<String, String>();
		var violations = new ArrayList<Violation>();
		var currentNames = new HashMap<String, String>();
		for (var node : plan.nodes()) {
			if (node.labels().contains("Company")) {
				currentNames.putIfAbsent(TextFolding.companyKey((String) node.props().get("name")), node.id());
			}
		}
		for (var node : plan.nodes()) {
			var pointer = plan.definitions().get(node.id());
			var before = existing.get(node.id());
			if (pointer == null || !node.labels().contains("Company")
					|| (before != null && before.owner() != null && !before.owner().equals(plan.source()))) {
				continue;
			}
			var codes = (List<String>) node.props().getOrDefault("formerCodes", List.of());
			for (int i = 0; i < codes.size(); i++) {
				var at = pointer + "/formerCodes/" + i;
				if (!codes.get(i).equals(node.id()) && plan.definitions().containsKey(codes.get(i))) {
					violations.add(clash(at, "code", codes.get(i), codes.get(i), "defined in this document"));
				}
				rows.add(Map.of("id", node.id(), "code", codes.get(i), "name", "", "pointer", at));
				entries.put(at, codes.get(i));
			}
			var names = (List<String>) node.props().getOrDefault("formerNames", List.of());
			for (int i = 0; i < names.size(); i++) {
				var at = pointer + "/formerNames/" + i;
				var key = TextFolding.companyKey(names.get(i));
				var holder = currentNames.get(key);
				if (holder != null && !holder.equals(node.id())) {
					violations.add(clash(at, "name", names.get(i), holder, "defined in this document"));
				}
				rows.add(Map.of("id", node.id(), "code", "", "name", key, "pointer", at));
				entries.put(at, key);
			}
		}
		if (rows.isEmpty()) {
			return violations;
		}
		var seen = new HashSet<String>();
		violations.forEach(violation -> seen.add(violation.pointer()));
		cypher.query("ingest-history-clashes").bind(rows).to("rows").fetch().all().forEach(row -> {
			var at = (String) row.get("pointer");
			var entry = entries.get(at);
			var existingId = (String) row.get("existingId");
			var existingName = (String) row.get("existingName");
			boolean code = at.contains("/formerCodes/");
			// A name match may be one of the company's aliases or former names: only its
			// current name contradicts.
			if ((code || TextFolding.companyKey(existingName).equals(entry)) && seen.add(at)) {
				violations.add(clash(at, code ? "code" : "name", code ? entry : existingName, existingId,
						"named \"" + existingName + "\""));
			}
		});
		return violations;
	}

	private static Violation clash(String pointer, String what, String value, String company, String which) {
		return new Violation(pointer, "\"" + value + "\" is the current " + what + " of the company \"" + company
				+ "\" (" + which + "): it cannot be another company's former " + what);
	}

}
