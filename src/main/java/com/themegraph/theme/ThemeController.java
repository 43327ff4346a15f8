package com.themegraph.theme;

import java.util.List;

import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Themes", description = "The investment themes reports recommend stocks under")
@RestController
@RequestMapping("/api/themes")
class ThemeController {

	private final ThemeQueries themes;

	ThemeController(ThemeQueries themes) {
		this.themes = themes;
	}

	@Operation(operationId = "themes", summary = "Every theme",
			description = "Every theme, with how many listed stocks it holds, how many recommendations put them there, and the reports (with the quoted sentence) that name it. In the order reports list them, paged with skip and limit (a JSON array of at most limit themes).")
	@GetMapping
	List<ThemeSummary> themes(@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return themes.all(skip, limit);
	}

	@Operation(operationId = "themeStocks", summary = "The stocks in a theme",
			description = "The listed stocks recommended under one theme: code, exchange, Chinese and English names, and the reports and quotes that list each, newest report first, with how many there are (evidenceTotal). Paged with skip and limit, in a fixed order; evidenceLimit keeps only the newest quotes per stock, for dashboards.")
	@GetMapping("/{id}/stocks")
	Page<ThemeStock> stocks(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
			@Parameter(
					description = "at most this many quotes per stock, newest report first; all when absent") @RequestParam(
							required = false) @Min(1) Integer evidenceLimit) {
		return themes.stocks(id, skip, limit, evidenceLimit);
	}

}
