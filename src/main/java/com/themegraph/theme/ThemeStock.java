package com.themegraph.theme;

import java.util.List;

/** A stock in a theme, with every report and quote that put it there. */
record ThemeStock(String code, String exchange, String name, String nameEn, List<String> aliases,
		List<Evidence> evidence) {

	record Evidence(String report, String reportTitle, String quote, String sentence, String nameInReport) {
	}

}
