package com.themegraph.stock;

import java.util.HashMap;
import java.util.List;

import com.themegraph.graph.GraphReads;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/companies}: a page of every listed company the graph knows
 * ({@code companies.cypher}), the shipped directory's included, filtered by exchange, by
 * the source that defined it, and by whether any report recommends it.
 */
@Tag(name = "Stocks", description = "Listed companies, by code in any usual form or by name")
@RestController
@RequestMapping("/api/companies")
class CompanyController {

	private final GraphReads reads;

	private final GraphRows rows;

	CompanyController(GraphReads reads, GraphRows rows) {
		this.reads = reads;
		this.rows = rows;
	}

	/**
	 * One listed company of the list: what {@code GET /api/stocks/{code}} answers in
	 * short, and {@code reports}, how many reports recommend it.
	 */
	record Company(String code, String exchange, String name, String nameEn, String fullName, String status,
			String source, String listingSource, String asOf, List<String> sameIssuer, long reports) {
	}

	@Operation(operationId = "companies", summary = "Every listed company the graph knows",
			description = "A page of the listed companies the graph knows, ordered by code: the shipped directory of A-share, Hong Kong and US listings (source `directory`, with the exchange export each listing's facts come from and its date), the curated entity files' and those reports defined. total counts every company that passes the filters: exchange (SH, SZ, BJ, HK, US), source (the source that defined the company), recommended (true: at least one report recommends it; false: none does). A company no report recommends is in no theme, technology or exposure ranking.")
	@GetMapping
	Page<Company> companies(
			@Parameter(description = "SH, SZ, BJ, HK or US",
					example = "HK") @RequestParam(required = false) @Pattern(regexp = "SH|SZ|BJ|HK|US") String exchange,
			@Parameter(description = "the source that defined the company: directory, entity-facts, a report id",
					example = "directory") @RequestParam(required = false) String source,
			@Parameter(description = "true: only companies some report recommends; false: only those none does",
					example = "true") @RequestParam(required = false) Boolean recommended,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		var parameters = new HashMap<String, Object>();
		parameters.put("exchange", exchange);
		parameters.put("source", source);
		parameters.put("recommended", recommended);
		parameters.put("skip", skip);
		parameters.put("limit", limit);
		return rows.page(reads.one("companies", parameters).orElseThrow(), "items", skip, limit, Company.class);
	}

}
