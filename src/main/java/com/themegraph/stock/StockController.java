package com.themegraph.stock;

import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
	Exposure.Stock stock(@PathVariable String code) {
		return stocks.resolve(code);
	}

	@Operation(operationId = "stockExposure", summary = "What a stock is exposed to",
			description = "The themes a stock is recommended under, and the technologies, products and works it is exposed to, scored, each with its evidence paths and quotes. Takes the same codes and names as GET /api/stocks/{code}.")
	@GetMapping("/{code}/exposure")
	Exposure exposure(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return stocks.exposure(code, skip, limit);
	}

}
