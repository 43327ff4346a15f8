package com.themegraph.theme;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stock in a theme, with the reports and quotes that put it there (newest first), and
 * how many there are.
 */
record ThemeStock(String code, String exchange, String name, String nameEn, List<String> aliases, long evidenceTotal,
		List<Evidence> evidence) {

	/**
	 * One recommendation: its report (id, title, broker, publication range, as
	 * {@code GET /api/reports} gives them; null fields shown as null) and its quote and
	 * sentence, as plain text.
	 */
	record Evidence(String report, @JsonInclude(JsonInclude.Include.ALWAYS) String reportTitle,
			@JsonInclude(JsonInclude.Include.ALWAYS) String broker,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedEarliest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedLatest,
			@JsonInclude(JsonInclude.Include.ALWAYS) String publishedPrecision, String quote, String sentence,
			String nameInReport) {
	}

}
