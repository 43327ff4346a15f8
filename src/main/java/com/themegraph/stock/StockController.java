package com.themegraph.stock;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stocks", description = "Listed companies, by code in any usual form or by name")
@RestController
@RequestMapping("/api/stocks")
class StockController {

	private final StockQueries stocks;

	StockController(StockQueries stocks) {
		this.stocks = stocks;
	}

	@Operation(operationId = "stock", summary = "One listed company",
			description = "One listed company by code (300459, 300459.SZ, SZ300459, 1357.HK, 01357.HK) or by its Chinese or English name or alias.")
	@GetMapping("/{code}")
	Exposure.Stock stock(@Parameter(example = "1357.HK") @PathVariable String code) {
		return stocks.resolve(code);
	}

	@Operation(operationId = "stockExposure", summary = "What a stock is exposed to",
			description = "The themes a stock is recommended under (a page: themeSkip, themeLimit), and the technologies, products and works it is exposed to (a page: skip, limit), scored or newest first (sort=newest), each with its evidence paths, strongest first (pathTotal counts them; pathLimit keeps only the strongest few, for dashboards): every step names the report (title, broker, publication date) and quotes it. since and until keep the recommendations of reports published in that window. Takes the same codes and names as GET /api/stocks/{code}. As CSV (the exposures, one row per step) with Accept: text/csv or format=csv.")
	@GetMapping(path = "/{code}/exposure", produces = MediaType.APPLICATION_JSON_VALUE)
	Exposure exposure(@Parameter(example = "300459.SZ") @PathVariable String code,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@Parameter(description = "where the page of themes starts",
					example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int themeSkip,
			@Parameter(description = "the most themes in the page", example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int themeLimit,
			@Parameter(description = PublishedWindow.SINCE, example = "2024-03-01") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@Parameter(description = PublishedWindow.UNTIL, example = "2024-12-31") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@Parameter(description = Page.SORT_DESCRIPTION,
					schema = @Schema(allowableValues = { "rank", "newest" }, defaultValue = "rank")) @RequestParam(
							defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort,
			@Parameter(description = EvidencePath.PATH_LIMIT,
					example = "5") @RequestParam(required = false) @Min(1) @Max(Page.MAX_LIMIT) Integer pathLimit) {
		return stocks.exposure(code, skip, limit, themeSkip, themeLimit, new PublishedWindow(since, until), sort,
				pathLimit);
	}

	/** The page of exposures as a spreadsheet: one row per step of each evidence path. */
	@GetMapping(path = "/{code}/exposure", produces = "text/csv")
	ResponseEntity<byte[]> exposureCsv(@PathVariable String code,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int themeSkip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int themeLimit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort,
			@RequestParam(required = false) @Min(1) @Max(Page.MAX_LIMIT) Integer pathLimit) {
		var exposure = exposure(code, skip, limit, themeSkip, themeLimit, since, until, sort, pathLimit);
		var header = new ArrayList<>(List.of("rank", "stock", "stockName", "id", "kind", "name", "nameEn", "score"));
		header.addAll(CsvTable.STEP_COLUMNS);
		var rows = new ArrayList<List<Object>>();
		var items = exposure.exposures().items();
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i);
			rows.addAll(CsvTable.stepRows(Arrays.asList(skip + i + 1, exposure.stock().code(), exposure.stock().name(),
					item.id(), item.kind(), item.name(), item.nameEn(), item.score()), item.pathTotal(), item.paths()));
		}
		return CsvTable.answer("stock-" + exposure.stock().code() + "-exposure.csv", header, rows);
	}

}
