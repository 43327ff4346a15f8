package com.themegraph.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Page;
import com.themegraph.graph.PublishedWindow;
import com.themegraph.graph.ReadTransaction;
import com.themegraph.graph.Suggestions;
import com.themegraph.report.ReportController.ReportDetail;
import com.themegraph.report.ReportController.ReportSummary;

import org.springframework.stereotype.Service;

/**
 * The reads behind {@code /api/reports}: {@code reports.cypher}, {@code report.cypher},
 * {@code report-text.cypher}.
 */
@Service
@ReadTransaction
class ReportQueries {

	private final CypherQueries cypher;

	private final GraphRows rows;

	private final Suggestions suggestions;

	ReportQueries(CypherQueries cypher, GraphRows rows, Suggestions suggestions) {
		this.cypher = cypher;
		this.rows = rows;
		this.suggestions = suggestions;
	}

	/**
	 * One page of the reports published in {@code window}, newest first, and how many
	 * there are.
	 */
	Page<ReportSummary> reports(int skip, int limit, PublishedWindow window) {
		var parameters = new HashMap<String, Object>(window.parameters());
		parameters.putAll(Map.of("skip", skip, "limit", limit));
		var row = cypher.query("reports").bindAll(parameters).fetch().one().orElseThrow();
		return rows.page(row, "reports", skip, limit, ReportSummary.class);
	}

	/**
	 * @throws NotFoundException with the closest report ids when there is no such report
	 */
	ReportDetail report(String id) {
		return cypher.query("report")
			.bind(id)
			.to("id")
			.fetch()
			.one()
			.map(row -> rows.as(row, ReportDetail.class))
			.orElseThrow(() -> notFound(id));
	}

	/**
	 * @throws NotFoundException with the closest report ids when there is no such report
	 */
	String text(String id) {
		return cypher.query("report-text")
			.bind(id)
			.to("id")
			.fetchAs(String.class)
			.one()
			.orElseThrow(() -> notFound(id));
	}

	private NotFoundException notFound(String id) {
		return new NotFoundException("No report \"" + id + "\"", suggestions.closest(id, List.of("Report")));
	}

}
