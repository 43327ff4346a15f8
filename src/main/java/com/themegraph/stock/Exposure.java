package com.themegraph.stock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.themegraph.graph.EvidencePath;
import com.themegraph.graph.Page;

/**
 * A stock, one page of the themes it is recommended under, and one page of the
 * technologies, products and works it is exposed to through them, highest score first:
 * each page in the API's one list shape, its {@code total} counting every item.
 */
record Exposure(Stock stock, Page<ThemeLink> themes, Page<Item> exposures) {

	record Stock(String code, String exchange, String name, String nameEn, List<String> aliases) {
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

	record Item(String id, String kind, List<String> kinds, String name, String nameEn, long score,
			List<EvidencePath> paths) {
	}

}
