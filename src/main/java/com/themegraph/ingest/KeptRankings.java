package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rankings the theme, technology and exposure answers read in index order
 * (issue 12): {@code :Exposure} (per stock and technology, product or work: score and
 * number of paths) and {@code :Constituent} (per theme and stock: place and number of
 * recommendations), always equal to what {@code technology-stocks-computed.cypher},
 * {@code stock-exposure-computed.cypher} and {@code theme-stocks-computed.cypher} compute
 * from every path.
 * <p>
 * Every writer calls, in the transaction that changes the edges of some sources (reports
 * or entity files): {@link #lock()} first, then {@link #removing} before deleting any of
 * their edges and {@link #added} after writing them. Each computes, while the sources'
 * edges are in the graph, the difference they make (with them minus without them), and
 * adds or subtracts it; since the lock makes writers compute one after the other, on the
 * graph as the one before committed it, the differences add up to the rankings of the
 * graph as it ends. Cost: a report adds its own report-level paths; theme-level paths
 * change only when a stock joins or leaves a theme or a theme gains or loses something it
 * is about, directly or through a fact.
 * <p>
 * Writes made around the service (a researcher's own Cypher through Bolt) are not seen:
 * after such writes, set {@code RankingState.version} to null and restart, and the rows
 * are rebuilt from the graph.
 */
@Component
public class KeptRankings implements SmartInitializingSingleton {

	/**
	 * The version of the rules the kept rows follow; a store built with another (or none)
	 * is rebuilt at start.
	 */
	static final int VERSION = 2;

	/** Themes or reports per transaction when rebuilding. */
	static final int REBUILD_BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(KeptRankings.class);

	private final CypherQueries cypher;

	private final TransactionTemplate transactions;

	private volatile boolean built;

	KeptRankings(CypherQueries cypher, PlatformTransactionManager transactions,
			com.themegraph.store.SchemaInitializer schemaFirst) {
		this.cypher = cypher;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public void afterSingletonsInstantiated() {
		ensureBuilt();
	}

	/**
	 * Takes the rankings' lock for the current transaction (held until it ends).
	 * @return the version of the rules the kept rows were built with, null when never
	 */
	Integer lock() {
		return cypher.query("ingest-rankings-lock").fetchAs(Long.class).one().map(Long::intValue).orElse(null);
	}

	/**
	 * Adds what the edges of {@code sources}, just written in this transaction, bring.
	 * @param sources report ids or entity-file sources ({@code source} of their edges)
	 */
	void added(Collection<String> sources) {
		var list = List.copyOf(sources);
		cypher.query("ingest-rankings-constituents").bindAll(Map.of("sources", list, "sign", 1)).run();
		apply(sum(sum(themePaths(list), reportPaths(list)), makerPaths(list, false)), 1);
	}

	/**
	 * Takes away what the edges of {@code sources} bring, before they are deleted in this
	 * transaction.
	 * @param sources report ids or entity-file sources ({@code source} of their edges)
	 */
	void removing(Collection<String> sources) {
		var list = List.copyOf(sources);
		apply(sum(sum(themePaths(list), reportPaths(list)), makerPaths(list, false)), -1);
		cypher.query("ingest-rankings-constituents").bindAll(Map.of("sources", list, "sign", -1)).run();
	}

	private List<Map<String, Object>> themePaths(List<String> sources) {
		return themePaths(sources, null, false);
	}

	/**
	 * Rows of ingest-rankings-theme-paths: what {@code sources} change, or with
	 * {@code rebuild} every theme-level path of {@code themes}.
	 */
	private List<Map<String, Object>> themePaths(List<String> sources, List<String> themes, boolean rebuild) {
		// A map that takes null: "themes" is null unless rebuilding.
		var parameters = new java.util.HashMap<String, Object>();
		parameters.put("sources", sources);
		parameters.put("themes", themes);
		parameters.put("rebuild", rebuild);
		return List.copyOf(cypher.query("ingest-rankings-theme-paths").bindAll(parameters).fetch().all());
	}

	/**
	 * Rows of ingest-rankings-maker-paths: the maker paths only {@code sources} state, or
	 * with {@code rebuild} every one.
	 */
	private List<Map<String, Object>> makerPaths(List<String> sources, boolean rebuild) {
		return List.copyOf(cypher.query("ingest-rankings-maker-paths")
			.bindAll(Map.of("sources", sources, "rebuild", rebuild))
			.fetch()
			.all());
	}

	private List<Map<String, Object>> reportPaths(List<String> reports) {
		return List.copyOf(cypher.query("ingest-rankings-report-paths").bind(reports).to("reports").fetch().all());
	}

	/**
	 * The rows of both kinds of path as one row per (stock, target), so each kept row is
	 * written once.
	 */
	static List<Map<String, Object>> sum(List<Map<String, Object>> first, List<Map<String, Object>> second) {
		var sums = new java.util.HashMap<String, long[]>();
		var keys = new java.util.HashMap<String, Map<String, Object>>();
		for (var rows : List.of(first, second)) {
			for (var row : rows) {
				var key = row.get("code") + "\t" + row.get("target");
				var sum = sums.computeIfAbsent(key, k -> new long[2]);
				sum[0] += ((Number) row.get("score")).longValue();
				sum[1] += ((Number) row.get("paths")).longValue();
				keys.putIfAbsent(key, row);
			}
		}
		var result = new ArrayList<Map<String, Object>>(sums.size());
		sums.forEach((key, sum) -> {
			if (sum[0] != 0 || sum[1] != 0) {
				var row = keys.get(key);
				result.add(
						Map.of("code", row.get("code"), "target", row.get("target"), "score", sum[0], "paths", sum[1]));
			}
		});
		return result;
	}

	private void apply(List<Map<String, Object>> rows, int sign) {
		for (int start = 0; start < rows.size(); start += APPLY_ROWS) {
			cypher.query("ingest-rankings-apply")
				.bindAll(Map.of("rows", rows.subList(start, Math.min(rows.size(), start + APPLY_ROWS)), "sign", sign))
				.run();
		}
	}

	/** Kept rows written per statement. */
	static final int APPLY_ROWS = 5_000;

	/**
	 * Builds the kept rows from the graph when they were built with other rules or never
	 * (a store from before issue 12): cleared, then theme by theme and report by report,
	 * {@value #REBUILD_BATCH} per transaction, with progress in the log. Safe to call
	 * more than once.
	 */
	public synchronized void ensureBuilt() {
		if (built) {
			return;
		}
		Integer version = transactions.execute(status -> lock());
		if (version == null || version != VERSION) {
			rebuild();
		}
		built = true;
	}

	/** Rebuilds every kept row from the graph. */
	synchronized void rebuild() {
		var started = System.nanoTime();
		long cleared;
		do {
			cleared = transactions.execute(status -> {
				lock();
				return cypher.query("ingest-rankings-clear")
					.bind(10_000)
					.to("limit")
					.fetchAs(Long.class)
					.one()
					.orElse(0L);
			});
		}
		while (cleared > 0);
		var themes = new ArrayList<String>();
		var reports = new ArrayList<String>();
		cypher.query("ingest-rankings-sources")
			.fetch()
			.all()
			.forEach(row -> ("theme".equals(row.get("kind")) ? themes : reports).add((String) row.get("id")));
		for (int start = 0; start < themes.size(); start += REBUILD_BATCH) {
			var batch = themes.subList(start, Math.min(themes.size(), start + REBUILD_BATCH));
			transactions.executeWithoutResult(status -> {
				lock();
				cypher.query("ingest-rankings-rebuild-constituents").bind(batch).to("themes").run();
				apply(sum(themePaths(List.of(), List.copyOf(batch), true), List.of()), 1);
			});
			log.info("Kept rankings: themes {}/{}", Math.min(themes.size(), start + REBUILD_BATCH), themes.size());
		}
		for (int start = 0; start < reports.size(); start += REBUILD_BATCH) {
			var batch = reports.subList(start, Math.min(reports.size(), start + REBUILD_BATCH));
			transactions.executeWithoutResult(status -> {
				lock();
				apply(reportPaths(batch), 1);
			});
			if ((start / REBUILD_BATCH) % 10 == 9 || start + REBUILD_BATCH >= reports.size()) {
				log.info("Kept rankings: reports {}/{}", Math.min(reports.size(), start + REBUILD_BATCH),
						reports.size());
			}
		}
		transactions.executeWithoutResult(status -> {
			lock();
			apply(makerPaths(List.of(), true), 1);
		});
		transactions
			.executeWithoutResult(status -> cypher.query("ingest-rankings-built").bind(VERSION).to("version").run());
		log.info("Kept rankings built from {} themes and {} reports in {} ms", themes.size(), reports.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
