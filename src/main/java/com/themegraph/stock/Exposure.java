package com.themegraph.stock;

import java.util.List;

import com.themegraph.graph.EvidencePath;
import com.themegraph.graph.StockCode;

/**
 * A stock's themes, and the technologies, products and works it is exposed to through
 * them, highest score first and paged: {@code total} counts every exposure, not just this
 * page's.
 */
record Exposure(Stock stock, List<ThemeLink> themes, long total, int skip, int limit, List<Item> exposures) {

	/**
	 * One listed company. {@code forms} spells its code as market-data vendors do (Wind,
	 * Yahoo, Tushare, baostock, Bloomberg, Futu, JoinQuant), for joining with their data.
	 * {@code askedAs} is the former code it was asked by (null when asked by its current
	 * code or a name); {@code formerCodes} and {@code formerNames} carry the dates each
	 * stopped being used.
	 */
	record Stock(String code, String exchange, String name, String nameEn, List<String> aliases, StockCode.Forms forms,
			String askedAs, List<FormerCode> formerCodes, List<FormerName> formerNames) {

		Stock answering(String askedAs) {
			return new Stock(code, exchange, name, nameEn, aliases, StockCode.parse(code).forms(), askedAs, formerCodes,
					formerNames);
		}

	}

	record FormerCode(String code, String until) {
	}

	record FormerName(String name, String until) {
	}

	record ThemeLink(String id, String name, String nameEn, String report, String reportTitle, String quote,
			String sentence, String nameInReport) {
	}

	record Item(String id, String kind, List<String> kinds, String name, String nameEn, long score,
			List<EvidencePath> paths) {
	}

}
