package com.themegraph.theme;

import java.util.List;

/**
 * A theme, how many distinct stocks it holds, and the reports that group stocks under it.
 */
record ThemeSummary(String id, String name, String nameEn, long stocks, long recommendations, List<ReportRef> reports) {

	record ReportRef(String id, String title, String quote) {
	}

}
