package com.themegraph.technology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.themegraph.graph.CsvTable;
import com.themegraph.graph.EvidencePath;
import com.themegraph.graph.Page;
import com.themegraph.graph.PublishedWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stocks linked to a technology (or a product or work: Sora is all the market means by
 * "AI video"), ranked by the evidence score documented in
 * {@code technology-stocks.cypher}.
 */
@Tag(name = "Technologies", description = "Technologies, products and creative works, and the stocks linked to them")
@RestController
class TechnologyController {

	static final List<String> TARGET_KINDS = List.of("Technology", "Product", "Work");

	/**
	 * A stock on the page: its score (the sum of the weights of all its paths),
	 * {@code pathTotal} (how many paths there are) and its paths, strongest first: all of
	 * them, or the first {@code pathLimit} when asked for fewer.
	 */
	record LinkedStock(String code, String exchange, String name, String nameEn,
			@Schema(description = EvidencePath.SCORE) long score,
			@Schema(description = EvidencePath.PATH_TOTAL) long pathTotal, List<EvidencePath> paths) {
	}

	private final TechnologyQueries queries;

	TechnologyController(TechnologyQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "technologyStocks", summary = "Stocks linked to a technology, product or work",
			description = "The listed stocks linked to a technology, product or work (for example sora), ranked by score or newest first (sort=newest). Each stock carries its evidence paths, strongest first: every step names the report (title, broker, publication date) and quotes its sentence, and the score is the sum of the paths' weights (docs/model.md#scores); pathTotal counts them, and pathLimit keeps only the strongest few per stock, for dashboards. since and until keep the paths whose recommending report was published in that window. As CSV with Accept: text/csv or format=csv.")
	@GetMapping(path = "/api/technologies/{id}/stocks", produces = MediaType.APPLICATION_JSON_VALUE)
	public Page<LinkedStock> stocks(@Parameter(example = "sora") @PathVariable String id,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@Parameter(description = PublishedWindow.SINCE, example = "2024-03-01") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@Parameter(description = PublishedWindow.UNTIL, example = "2024-12-31") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@Parameter(description = Page.SORT_DESCRIPTION,
					schema = @Schema(allowableValues = { "rank", "newest" }, defaultValue = "rank")) @RequestParam(
							defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort,
			@Parameter(description = EvidencePath.PATH_LIMIT,
					example = "5") @RequestParam(required = false) @Min(1) @Max(Page.MAX_LIMIT) Integer pathLimit) {
		return queries.stocks(id, skip, limit, new PublishedWindow(since, until), sort, pathLimit);
	}

	/** The same page as a spreadsheet: one row per step of each evidence path. */
	@GetMapping(path = "/api/technologies/{id}/stocks", produces = "text/csv")
	ResponseEntity<byte[]> stocksCsv(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort,
			@RequestParam(required = false) @Min(1) @Max(Page.MAX_LIMIT) Integer pathLimit) {
		var page = stocks(id, skip, limit, since, until, sort, pathLimit);
		var header = new ArrayList<>(List.of("rank", "code", "exchange", "name", "nameEn", "score"));
		header.addAll(CsvTable.STEP_COLUMNS);
		var rows = new ArrayList<List<Object>>();
		for (int i = 0; i < page.items().size(); i++) {
			var stock = page.items().get(i);
			rows.addAll(CsvTable.stepRows(Arrays.asList(skip + i + 1, stock.code(), stock.exchange(), stock.name(),
					stock.nameEn(), stock.score()), stock.pathTotal(), stock.paths()));
		}
		return CsvTable.answer("technology-" + id + "-stocks.csv", header, rows);
	}

}
