package com.themegraph.extract;

import java.util.List;

import com.themegraph.extract.KnownNames.Known;
import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.ReadTransaction;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * Turns a report's plain text into a draft report document for a person to review:
 * broker, title, rating, analysts, cited reports, risks, the recommended companies under
 * their group headings, and every known entity the text names, each with its quote. It
 * only reads the graph (for the names it knows); it never loads the draft. Behind
 * {@code POST /api/reports/extract} and the command line's {@code extract FILE.txt}.
 */
@Service
public class ReportExtractor {

	private final CypherQueries cypher;

	private final GraphRows rows;

	ReportExtractor(GraphRows rows, CypherQueries cypher) {
		this.cypher = cypher;
		this.rows = rows;
	}

	/**
	 * The draft for this text; see {@code docs/report-format.md#drafts-from-plain-text}
	 * for its shape. Its work grows linearly with the text (ExtractionCostTests).
	 * @throws IllegalArgumentException when the text is empty or blank
	 */
	@ReadTransaction
	public JsonNode extract(String text) {
		return extract(text, Budget.unlimited());
	}

	/**
	 * The draft for this text, stopped when {@code budget} runs out or is cancelled.
	 * @throws IllegalArgumentException when the text is empty or blank
	 * @throws ExtractionStoppedException when the budget ran out first; nothing is
	 * drafted
	 */
	@ReadTransaction
	public JsonNode extract(String text, Budget budget) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("The text is empty: there is nothing to extract");
		}
		return DraftBuilder.build(text, knownNames(), budget);
	}

	/**
	 * The names as of the last extraction, kept while the graph answers the same rows:
	 * building the automaton over a directory of thousands of companies takes far longer
	 * than an extraction (about a second for 8,000 companies on two cores), while reading
	 * the rows and comparing them with the last ones takes milliseconds. Exact: any
	 * change to a name, alias, kind or source makes the rows differ, and the names are
	 * rebuilt.
	 */
	private volatile Cached cached;

	private record Cached(List<Known> rows, KnownNames names) {
	}

	KnownNames knownNames() {
		List<Known> known = cypher.query("extract-known-names")
			.fetch()
			.all()
			.stream()
			.map(row -> rows.as(row, Known.class))
			.toList();
		var last = cached;
		if (last != null && last.rows().equals(known)) {
			return last.names();
		}
		var names = new KnownNames(known);
		cached = new Cached(known, names);
		return names;
	}

}
