package com.themegraph.technology;

import java.util.List;

import com.themegraph.graph.EvidencePath;
import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

	record LinkedStock(String code, String exchange, String name, String nameEn, long score, List<EvidencePath> paths) {
	}

	private final TechnologyQueries queries;

	TechnologyController(TechnologyQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "technologyStocks", summary = "Stocks linked to a technology, product or work",
			description = "The listed stocks linked to a technology, product or work (for example sora), ranked by score. Each stock carries its evidence paths: every step names the report and quotes its sentence, and the score is the sum of the paths' weights (docs/model.md#scores).")
	@GetMapping("/api/technologies/{id}/stocks")
	public Page<LinkedStock> stocks(@PathVariable String id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return queries.stocks(id, skip, limit);
	}

}
