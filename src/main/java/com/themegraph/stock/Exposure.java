package com.themegraph.stock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.themegraph.graph.EvidencePath;
import com.themegraph.graph.StockCode;
import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stock, one page of the themes it is recommended under, and one page of the
 * technologies, products and works it is exposed to through them, highest score first:
 * each page in the API's one list shape, its {@code total} counting every item.
 */
record Exposure(Stock stock, Page<ThemeLink> themes, Page<Item> exposures) {

	/**
	 * One listed company. {@code forms} spells its code as market-data vendors do (Wind,
	 * Yahoo, Tushare, baostock, Bloomberg, Futu, JoinQuant), for joining with their data.
	 * {@code askedAs} is the former code or former name it was asked by (null when asked
	 * by its current code, name, alias or short form); {@code formerCodes} and
	 * {@code formerNames} carry the dates each stopped being used. {@code source} is the
	 * source that defined it ({@code directory} for the shipped listed-company directory,
	 * an entity file's source, a report id), {@code listingSource} and {@code asOf} the
	 * exchange directory export its listing facts come from and its date (null when no
	 * directory gives them), {@code status} {@code listed} or {@code delisted}, and
	 * {@code sameIssuer} the canonical codes of the issuer's other listings (A+H, HK+US).
	 */
	record Stock(String code, String exchange, String name, String nameEn, String fullName, List<String> aliases,
			StockCode.Forms forms, String askedAs, String status, String source, String listingSource, String asOf,
			List<String> sameIssuer, List<FormerCode> formerCodes, List<FormerName> formerNames) {

		Stock answering(String askedAs) {
			return new Stock(code, exchange, name, nameEn, fullName, aliases, StockCode.parse(code).forms(), askedAs,
					status, source, listingSource, asOf, sameIssuer, formerCodes, formerNames);
		}

	}

	record FormerCode(String code, String until) {
	}

	record FormerName(String name, String until) {
	}

	/**
	 * A theme the stock is recommended under, with the recommending report (id, title,
	 * broker, publication range, null fields shown as null) and its quote, as plain text.
	 */
	record ThemeLink(String id, String name, String nameEn, String report,
			@JsonInclude(JsonInclude.Include.ALWAYS) String reportTitle,
			@JsonInclude(JsonInclude.Include.ALWAYS) String broker,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedEarliest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedLatest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedPrecision, String quote, String sentence,
			String nameInReport) {
	}

	/**
	 * A technology, product or work the stock is exposed to: its score (the sum of the
	 * weights of all its paths), {@code pathTotal} (how many paths there are) and its
	 * paths, strongest first: all of them, or the first {@code pathLimit} when asked for
	 * fewer.
	 */
	record Item(String id, String kind, List<String> kinds, String name, String nameEn,
			@Schema(description = EvidencePath.SCORE) long score,
			@Schema(description = EvidencePath.PATH_TOTAL) long pathTotal, List<EvidencePath> paths) {
	}

}
