package com.themegraph.theme;

import java.util.List;

/**
 * A stock in a theme, with the reports and quotes that put it there (newest first), and
 * how many there are.
 */
record ThemeStock(String code, String exchange, String name, String nameEn, List<String> aliases, long evidenceTotal,
		List<Evidence> evidence) {

	record Evidence(String report, String reportTitle, String quote, String sentence, String nameInReport) {
	}

}
