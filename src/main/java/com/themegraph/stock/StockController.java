package com.themegraph.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stocks")
class StockController {

	private final StockQueries stocks;

	StockController(StockQueries stocks) {
		this.stocks = stocks;
	}

	@GetMapping("/{code}")
	Exposure.Stock stock(@PathVariable String code) {
		return stocks.resolve(code);
	}

	@GetMapping("/{code}/exposure")
	Exposure exposure(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) int skip,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return stocks.exposure(code, skip, limit);
	}

}
