package com.themegraph.stock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
	Exposure exposure(@PathVariable String code) {
		return stocks.exposure(code);
	}

}
