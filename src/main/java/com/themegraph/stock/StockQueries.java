package com.themegraph.stock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.themegraph.graph.AmbiguousNameException;
import com.themegraph.graph.BadRequestException;
import com.themegraph.graph.GraphRows;
import com.themegraph.graph.NotFoundException;
import com.themegraph.graph.PublishedWindow;
import com.themegraph.graph.GraphReads;
import com.themegraph.graph.StockCode;
import com.themegraph.graph.Suggestions;
import com.themegraph.graph.TextFolding;

import org.springframework.stereotype.Service;

/**
 * The reads behind {@code /api/stocks}: {@code stock-by-code.cypher},
 * {@code stock-by-name.cypher}, {@code stock-themes.cypher},
 * {@code stock-exposure.cypher}.
 */
@Service
class StockQueries {

	private static final List<String> COMPANY = List.of("Company");

	private final GraphRows rows;

	private final Suggestions suggestions;

	private final GraphReads reads;

	StockQueries(GraphRows rows, Suggestions suggestions, GraphReads reads) {
		this.reads = reads;
		this.rows = rows;
		this.suggestions = suggestions;
	}

	/**
	 * A code in any accepted form ({@link StockCode}), a former code, or a Chinese or
	 * English name, alias or former name.
	 * @throws BadRequestException for a code-shaped input that is no accepted form,
	 * listing them, or a name several companies share
	 * @throws NotFoundException with the closest companies when none matches
	 */
	Exposure.Stock resolve(String codeOrName) {
		var code = StockCode.tryParse(codeOrName);
		if (code.isEmpty() && StockCode.looksLikeCode(codeOrName)) {
			throw new BadRequestException(
					"\"" + codeOrName + "\" is not a stock code: " + StockCode.ACCEPTED_FORMS + "; or a company name");
		}
		var canonical = code.map(StockCode::canonical).orElseGet(() -> codeForName(codeOrName));
		var stock = byCode(canonical);
		if (stock.isPresent()) {
			return stock.get().answering(code.isEmpty() && byFormerName(stock.get(), codeOrName) ? codeOrName : null);
		}
		if (code.isPresent()) {
			// A code no company holds now may be one a company held before.
			var current = reads.all("stock-by-former-code", Map.of("code", canonical))
				.stream()
				.map(row -> (String) row.get("code"))
				.toList();
			if (current.size() > 1) {
				throw new BadRequestException(canonical + " was the code of several listed companies " + current
						+ ": ask by their current codes");
			}
			if (current.size() == 1) {
				return byCode(current.iterator().next()).orElseThrow().answering(canonical);
			}
		}
		// A code is compared in its canonical form, the form the graph's ids take, so a
		// slip of one digit in 300495 still finds 300459.SZ.
		throw new NotFoundException("No listed company with code " + canonical,
				suggestions.closest(code.isPresent() ? canonical : codeOrName, COMPANY));
	}

	/**
	 * Whether {@code name} is one of the company's former names and none of its current
	 * ones (name, English name, aliases), market tags aside.
	 */
	static boolean byFormerName(Exposure.Stock stock, String name) {
		var asked = TextFolding.companyKeys(name);
		var current = new java.util.ArrayList<String>();
		current.add(stock.name());
		if (stock.nameEn() != null) {
			current.add(stock.nameEn());
		}
		if (stock.aliases() != null) {
			current.addAll(stock.aliases());
		}
		if (current.stream().map(TextFolding::companyKeys).anyMatch(keys -> keys.stream().anyMatch(asked::contains))) {
			return false;
		}
		return stock.formerNames()
			.stream()
			.map(former -> TextFolding.companyKeys(former.name()))
			.anyMatch(keys -> keys.stream().anyMatch(asked::contains));
	}

	private Optional<Exposure.Stock> byCode(String canonical) {
		return reads.one("stock-by-code", Map.of("code", canonical)).map(row -> rows.as(row, Exposure.Stock.class));
	}

	/**
	 * A stock's exposure: one page ({@code themeSkip}, {@code themeLimit}) of its themes
	 * and one ({@code skip}, {@code limit}) of what it is exposed to, by score
	 * ({@code sort} {@code rank}) or most recently recommended first ({@code newest}),
	 * counting only the recommendations of reports published in {@code window}.
	 * @param pathLimit the most paths per item, strongest first; null for every path
	 * @throws NotFoundException when no listed company has that code or name
	 * @throws BadRequestException when {@code codeOrName} looks like a code but is none,
	 * or names several companies
	 */
	Exposure exposure(String codeOrName, int skip, int limit, int themeSkip, int themeLimit, PublishedWindow window,
			String sort, Integer pathLimit) {
		var stock = resolve(codeOrName);
		var themeParameters = new HashMap<String, Object>(window.parameters());
		themeParameters.putAll(Map.of("code", stock.code(), "skip", themeSkip, "limit", themeLimit));
		var themeRow = reads.one("stock-themes", themeParameters).orElseThrow();
		var parameters = new HashMap<String, Object>(window.parameters());
		parameters.putAll(Map.of("code", stock.code(), "skip", skip, "limit", limit, "sort", sort));
		parameters.put("pathLimit", pathLimit);
		var row = reads.one(rankedQuery(window, sort), parameters).orElseThrow();
		return new Exposure(stock, rows.page(themeRow, "themes", themeSkip, themeLimit, Exposure.ThemeLink.class),
				rows.page(row, "exposures", skip, limit, Exposure.Item.class));
	}

	private String codeForName(String name) {
		var codes = reads.all("stock-by-name", Map.of("names", TextFolding.companyKeys(name)))
			.stream()
			.map(row -> (String) row.get("code"))
			.toList();
		if (codes.isEmpty()) {
			throw new NotFoundException("No listed company named \"" + name + "\"", suggestions.closest(name, COMPANY));
		}
		if (codes.size() > 1) {
			throw new AmbiguousNameException(name,
					codes.stream()
						.map(code -> new AmbiguousNameException.Candidate(code,
								byCode(code).map(Exposure.Stock::name).orElse(null)))
						.toList());
		}
		return codes.iterator().next();
	}

	/**
	 * The kept ranking ({@code stock-exposure.cypher}, read in index order) answers the
	 * unfiltered ranking; a window or {@code newest} changes the scores or the order, so
	 * those are computed from every path ({@code stock-exposure-computed.cypher}).
	 */
	static String rankedQuery(PublishedWindow window, String sort) {
		return window.isOpen() && "rank".equals(sort) ? "stock-exposure" : "stock-exposure-computed";
	}

}
