package com.themegraph.report;

import java.util.List;

import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports", description = "The broker research reports the graph is built from")
@RestController
@RequestMapping("/api/reports")
class ReportController {

	record ReportSummary(String id, String title, String brokerId, String broker, String brokerEn, String industry,
			String rating, String ratingAction, String publishedEarliest, String publishedLatest,
			String publishedPrecision, long themes, long recommendations, long companies) {
	}

	record ReportDetail(String id, String title, String brokerId, String broker, String brokerEn, String brokerQuote,
			String industry, String rating, String ratingAction, String language, String publishedEarliest,
			String publishedLatest, String publishedPrecision, String publishedNote, List<Analyst> analysts,
			List<Cited> cites, List<Risk> risks, List<Theme> themes, List<About> about, long textLength) {

		record Analyst(String id, String name, String nameEn, String role, String sacCertificate, String quote) {
		}

		record Cited(String title, String date, String quote) {
		}

		record Risk(String id, String name, String nameEn, String quote) {
		}

		record Theme(String id, String name, String nameEn, String quote, List<Stock> stocks) {

			record Stock(String code, String name) {
			}

		}

		record About(String id, String kind, String name, String quote) {
		}

	}

	private final ReportQueries queries;

	ReportController(ReportQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "reports", summary = "Every report",
			description = "Every report loaded: title, broker, industry rating, publication date (with its precision), and how many themes, recommendations and companies it holds. Newest first, paged with skip and limit (a JSON array of at most limit reports).")
	@GetMapping
	public List<ReportSummary> reports(@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return queries.reports(skip, limit);
	}

	@Operation(operationId = "report", summary = "One report",
			description = "One report's metadata: broker, analysts (with certificate numbers), rating, cited reports, risks, themes with their stocks, and what it is about, each with the quote it comes from.")
	@GetMapping("/{id}")
	public ReportDetail report(@PathVariable String id) {
		return queries.report(id);
	}

	/** The source document every quote was checked against. */
	@Operation(operationId = "reportText", summary = "One report's full text",
			description = "The report's full text as loaded, which every quote in the graph is checked against.")
	@GetMapping(path = "/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE)
	public String text(@PathVariable String id) {
		return queries.text(id);
	}

}
