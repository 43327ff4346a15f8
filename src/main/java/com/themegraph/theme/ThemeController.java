package com.themegraph.theme;

import java.util.List;

import com.themegraph.system.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/themes")
class ThemeController {

	private final ThemeQueries themes;

	ThemeController(ThemeQueries themes) {
		this.themes = themes;
	}

	@GetMapping
	List<ThemeSummary> themes() {
		return themes.all();
	}

	@GetMapping("/{id}/stocks")
	Page<ThemeStock> stocks(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int skip,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return themes.stocks(id, skip, limit);
	}

}
