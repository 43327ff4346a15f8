package com.themegraph.theme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.themegraph.graph.CsvTable;
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

@Tag(name = "Themes", description = "The investment themes reports recommend stocks under")
@RestController
@RequestMapping("/api/themes")
class ThemeController {

	static final List<String> CSV_HEADER = List.of("rank", "code", "exchange", "name", "nameEn", "evidenceTotal",
			"report", "reportTitle", "broker", "published", "quote");

	private final ThemeQueries themes;

	ThemeController(ThemeQueries themes) {
		this.themes = themes;
	}

	@Operation(operationId = "themes", summary = "Every theme",
			description = "Every theme, with how many listed stocks it holds, how many recommendations put them there, and the reports (with the quoted sentence) that name it. In the order reports list them; one page of them, with how many there are (total).")
	@GetMapping
	Page<ThemeSummary> themes(
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return themes.all(skip, limit);
	}

	@Operation(operationId = "themeStocks", summary = "The stocks in a theme",
			description = "The listed stocks recommended under one theme: code, exchange, Chinese and English names, and the reports (title, broker, publication date) and quotes that list each, newest report first, with how many there are (evidenceTotal). Paged with skip and limit, in the theme's order or newest first (sort=newest); since and until keep the reports published in that window; evidenceLimit keeps only the newest quotes per stock, for dashboards. As CSV with Accept: text/csv or format=csv.")
	@GetMapping(path = "/{id}/stocks", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<ThemeStock> stocks(@Parameter(example = "ai-video-tools") @PathVariable String id,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@Parameter(description = "at most this many quotes per stock, newest report first; all when absent",
					example = "5") @RequestParam(required = false) @Min(1) Integer evidenceLimit,
			@Parameter(description = PublishedWindow.SINCE, example = "2024-03-01") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@Parameter(description = PublishedWindow.UNTIL, example = "2024-12-31") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@Parameter(description = Page.SORT_DESCRIPTION,
					schema = @Schema(allowableValues = { "rank", "newest" }, defaultValue = "rank")) @RequestParam(
							defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort) {
		return themes.stocks(id, skip, limit, evidenceLimit, new PublishedWindow(since, until), sort);
	}

	/** The same page as a spreadsheet: one row per quote, the stock's cells repeated. */
	@GetMapping(path = "/{id}/stocks", produces = "text/csv")
	ResponseEntity<byte[]> stocksCsv(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Min(1) Integer evidenceLimit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(defaultValue = "rank") @Pattern(regexp = Page.SORTS) String sort) {
		var page = stocks(id, skip, limit, evidenceLimit, since, until, sort);
		var rows = new ArrayList<List<Object>>();
		for (int i = 0; i < page.items().size(); i++) {
			var stock = page.items().get(i);
			for (var evidence : stock.evidence()) {
				rows.add(java.util.Arrays.asList(skip + i + 1, stock.code(), stock.exchange(), stock.name(),
						stock.nameEn(), stock.evidenceTotal(), evidence.report(), evidence.reportTitle(),
						evidence.broker(), CsvTable.published(evidence.publishedEarliest(), evidence.publishedLatest()),
						evidence.quote()));
			}
		}
		return CsvTable.answer("theme-" + id + "-stocks.csv", CSV_HEADER, rows);
	}

}
