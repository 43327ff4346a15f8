package com.themegraph.report;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.Page;
import com.themegraph.graph.PublishedWindow;
import com.themegraph.ingest.IngestService;
import com.themegraph.ingest.InvalidDocumentException;
import com.themegraph.ingest.LoadResult;
import com.themegraph.ingest.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /api/reports} resource: reading reports (open like every read), and adding,
 * replacing and removing them (the writer's credentials). Drafting a document from a
 * report's text is {@link ExtractController}, under the same path and tag.
 */
@Tag(name = ReportController.TAG, description = ReportController.TAG_DESCRIPTION)
@RestController
@RequestMapping("/api/reports")
class ReportController {

	static final String TAG = "Reports";

	static final String TAG_DESCRIPTION = "The broker research reports the graph is built from";

	static final String INSUFFICIENT_STORAGE = "The graph store's disk is below its minimum free space "
			+ "(THEMEGRAPH_MIN_FREE_SPACE), or filled up; nothing written. Reads go on while the disk is only low.";

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

	private final IngestService loader;

	ReportController(ReportQueries queries, IngestService loader) {
		this.queries = queries;
		this.loader = loader;
	}

	@Operation(operationId = "reports", summary = "Every report",
			description = "Every report loaded: title, broker, industry rating, publication date (with its precision), and how many themes, recommendations and companies it holds. Newest first; one page of them, with how many there are (total). since and until keep the reports published in that window.")
	@GetMapping
	public Page<ReportSummary> reports(
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@Parameter(description = PublishedWindow.SINCE, example = "2024-03-01") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@Parameter(description = PublishedWindow.UNTIL, example = "2024-12-31") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
		return queries.reports(skip, limit, new PublishedWindow(since, until));
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

	/**
	 * 201 with Location for a new report; 200 for one already loaded, unchanged (nothing
	 * written) or updated (its own edges replaced). An invalid document answers 400 and
	 * writes nothing; a disk below the store's minimum free space, 507.
	 */
	@Operation(operationId = "loadReport", summary = "Add or replace a report (needs the API key)",
			description = "Loads one report document (docs/report-format.md, seed-data/schema/report.schema.json) in one "
					+ "transaction. 201 with Location for a new report; 200 with outcome UNCHANGED when the same content "
					+ "is already loaded (nothing written) or UPDATED when its content changed (its own edges replaced, "
					+ "other reports' left alone). An invalid document answers 400 listing every violation with its JSON "
					+ "pointer, and writes nothing. Needs the X-API-Key header or HTTP Basic (user writer, the key as "
					+ "password); otherwise 401.")
	@ApiResponse(responseCode = "201", description = "A new report, loaded")
	@ApiResponse(responseCode = "200", description = "Already loaded: unchanged, or updated")
	@ApiResponse(responseCode = "401", description = "Credentials missing or wrong; nothing written")
	@ApiResponse(responseCode = "507", description = INSUFFICIENT_STORAGE,
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LoadResult> load(@RequestBody JsonNode document) {
		if (!"report".equals(document.path("kind").asString(""))) {
			throw new InvalidDocumentException("request body",
					List.of(new Violation("/kind", "must be \"report\": this endpoint loads report documents")));
		}
		var result = loader.load(document, "request body");
		if (result.outcome() == LoadResult.Outcome.NEW) {
			return ResponseEntity.created(URI.create("/api/reports/" + result.id())).body(result);
		}
		return ResponseEntity.ok(result);
	}

	@Operation(operationId = "deleteReport", summary = "Remove a report (needs the API key)",
			description = "Removes the report, every relationship it contributed, and the nodes only it had defined; "
					+ "entities from entity files and other reports' edges stay. 204 when removed, 404 when there is "
					+ "no such report, 401 without credentials.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "507", description = INSUFFICIENT_STORAGE,
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!loader.delete(id)) {
			throw new NotFoundException("No report \"" + id + "\"", List.of());
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
