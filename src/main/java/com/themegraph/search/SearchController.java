package com.themegraph.search;

import java.util.List;

import com.themegraph.graph.BadRequestException;
import com.themegraph.graph.Page;
import com.themegraph.graph.TextFolding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names and aliases of everything in the graph, Chinese and English, case- and
 * width-insensitive.
 */
@Tag(name = "Search", description = "Find anything in the graph by name")
@RestController
class SearchController {

	static final int MAX_QUERY_LENGTH = 100;

	record Hit(String id, String kind, String name, String nameEn, List<String> aliases, String code) {
	}

	private final SearchQueries queries;

	SearchController(SearchQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "search", summary = "Search names and aliases",
			description = "Everything whose name or alias contains q, Chinese or English, ignoring case and full-width forms: its id (the stock code for companies), kind and names. Exact names first; one page of the matches (20 unless limit says otherwise), with how many there are (total).")
	@GetMapping("/api/search")
	public Page<Hit> search(@Parameter(example = "stable video") @RequestParam String q,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		if (q.codePoints().anyMatch(Character::isISOControl)) {
			throw new BadRequestException("q must not hold control characters");
		}
		var folded = TextFolding.fold(q);
		if (folded.isEmpty()) {
			throw new BadRequestException("q must hold at least one non-blank character");
		}
		if (folded.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("q is longer than " + MAX_QUERY_LENGTH + " characters");
		}
		return queries.search(folded, skip, limit);
	}

}
