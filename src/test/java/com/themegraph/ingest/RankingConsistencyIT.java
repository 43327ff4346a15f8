package com.themegraph.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.themegraph.GraphIT;
import com.themegraph.graph.CypherQueries;
import com.themegraph.ingest.LoadResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The rankings kept at write time (issue 12: {@code :Exposure} per stock and
 * technology/product/work, {@code :Constituent} per theme and stock) must always equal
 * what the {@code -computed} queries work out from every path, and every default answer
 * read from them must equal its computation, row for row. Random small reports over a
 * small fixed universe (5 themes, 12 companies, 5 technologies and 3 products, with facts
 * between them) are loaded, replaced, deleted, reloaded unchanged, bulk-loaded, and the
 * universe's entity file reloaded with other facts, one step at a time with a check after
 * each; then four writers do the same at once, and the check runs when they finish.
 * <p>
 * The sequence is fixed by a seed, printed at the start ({@code -Dranking.seed=...} to
 * replay one); {@code -Dranking.steps} and {@code -Dranking.concurrent-seconds} size the
 * run. Everything is invented (TEST FIXTURE) and removed afterwards.
 */
class RankingConsistencyIT extends GraphIT {

	static final long SEED = Long.getLong("ranking.seed", 20261130L);

	static final int STEPS = Integer.getInteger("ranking.steps", 150);

	static final int WRITERS = 4;

	static final Duration CONCURRENT = Duration.ofSeconds(Long.getLong("ranking.concurrent-seconds", 12));

	/**
	 * Reports kept loaded at most in the single-writer part, so the graph stays small.
	 */
	static final int MAX_LOADED = 18;

	/** Report ids the concurrent writers share, so they meet on the same reports. */
	static final int CONCURRENT_IDS = 10;

	static final String PREFIX = "test-fixture-rank-";

	static final String ENTITY_SOURCE = "TEST FIXTURE ranking universe";

	static final String ENTITY_ORIGIN = "test-fixture-ranking-universe.json";

	static final String BROKER = PREFIX + "broker";

	static final String ANALYST = PREFIX + "analyst";

	static final String[] ORDINALS = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑" };

	static final List<String> THEMES = List.of(PREFIX + "theme-1", PREFIX + "theme-2", PREFIX + "theme-3",
			PREFIX + "theme-4", PREFIX + "theme-5");

	static final List<String> TECHNOLOGIES = List.of(PREFIX + "tech-1", PREFIX + "tech-2", PREFIX + "tech-3",
			PREFIX + "tech-4", PREFIX + "tech-5");

	static final List<String> PRODUCTS = List.of(PREFIX + "product-1", PREFIX + "product-2", PREFIX + "product-3");

	/** Every technology and product: what themes and reports are about and facts link. */
	static final List<String> TARGETS = concat(TECHNOLOGIES, PRODUCTS);

	/** Codes no seed company uses: 301901.SZ to 301912.SZ. */
	static final List<String> CODES = java.util.stream.IntStream.rangeClosed(1, 12)
		.mapToObj(i -> "3019%02d.SZ".formatted(i))
		.toList();

	static final List<String> PREDICATES = List.of("IS_A", "USES", "MADE_WITH");

	static final Map<String, String> PREDICATE_WORDS = Map.of("IS_A", "属于", "USES", "采用", "MADE_WITH", "基于");

	@Autowired
	IngestService ingest;

	@Autowired
	BulkLoader bulk;

	@Autowired
	KeptRankings rankings;

	@Autowired
	CypherQueries cypher;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	private TransactionTemplate reads;

	@BeforeEach
	void readOnly() {
		reads = new TransactionTemplate(transactions);
		reads.setReadOnly(true);
	}

	@AfterEach
	void removeFixtures() {
		for (var id : neo4j.query("MATCH (r:Report) WHERE r.id STARTS WITH $prefix RETURN r.id AS id")
			.bind(PREFIX)
			.to("prefix")
			.fetchAs(String.class)
			.all()) {
			ingest.delete(id);
		}
		neo4j.query("MATCH (n:Entity {source: $source}) DETACH DELETE n").bind(ENTITY_SOURCE).to("source").run();
		neo4j.query("MATCH (f:EntityFile {source: $source}) DELETE f").bind(ENTITY_SOURCE).to("source").run();
		// The entity file's maker rows, and any left when the kept rows were wrong (the
		// test then failed): not for the next test to trip on.
		neo4j.query("MATCH (k:Exposure|Constituent) WHERE k.code IN $codes DETACH DELETE k")
			.bind(CODES)
			.to("codes")
			.run();
	}

	@Test
	void keptRankingsEqualTheirComputationThroughRandomWritesAndConcurrentWriters() throws Exception {
		System.out.printf("RankingConsistencyIT: seed %d (-Dranking.seed=%d replays it), %d steps%n", SEED, SEED,
				STEPS);
		// The store is shared with the other ITs, and some of them delete nodes with
		// their own
		// Cypher (IngestRaceIT: a node vanishing under a load), which the kept rows
		// cannot
		// see; start from rows rebuilt from the graph, as a restart after such writes
		// would.
		rankings.rebuild();
		var random = new Random(SEED);
		var generator = new Generator(json);
		var loaded = new TreeMap<String, ObjectNode>();
		var operations = new TreeMap<String, Integer>();
		int nextId = 1;
		var facts = generator.entityFacts(random);
		var outcome = ingest.load(generator.entityFile(facts), ENTITY_ORIGIN).outcome();
		assertThat(outcome).isEqualTo(Outcome.MERGED);
		check("step 0 (entity file loaded: " + facts + ")", true);

		for (int step = 1; step <= STEPS; step++) {
			String operation;
			String kind;
			int choice = random.nextInt(100);
			if (loaded.isEmpty() || (choice < 28 && loaded.size() < MAX_LOADED)) {
				var id = PREFIX + "r" + nextId++;
				var document = generator.report(random, id);
				assertThat(ingest.load(document, id + ".json").outcome()).as("loading new report %s", id)
					.isEqualTo(Outcome.NEW);
				loaded.put(id, document);
				kind = "load new";
				operation = "load new " + id + ": " + Generator.summary(document);
			}
			else if (choice < 53) {
				var id = pick(random, loaded.keySet());
				var document = generator.report(random, id);
				assertThat(ingest.load(document, id + ".json").outcome()).as("replacing report %s", id)
					.isEqualTo(Outcome.UPDATED);
				loaded.put(id, document);
				kind = "replace";
				operation = "replace " + id + " by: " + Generator.summary(document);
			}
			else if (choice < 70 || loaded.size() >= MAX_LOADED) {
				var id = pick(random, loaded.keySet());
				assertThat(ingest.delete(id)).as("deleting report %s", id).isTrue();
				loaded.remove(id);
				kind = "delete";
				operation = "delete " + id;
			}
			else if (choice < 78) {
				var id = pick(random, loaded.keySet());
				assertThat(ingest.load(loaded.get(id), id + ".json").outcome()).as("reloading report %s", id)
					.isEqualTo(Outcome.UNCHANGED);
				kind = "reload unchanged";
				operation = "reload unchanged " + id;
			}
			else if (choice < 90) {
				var inputs = new ArrayList<BulkLoader.Input>();
				var described = new ArrayList<String>();
				int size = 2 + random.nextInt(4);
				var replaced = new LinkedHashSet<String>();
				for (int i = 0; i < size; i++) {
					String id;
					if (random.nextInt(3) == 0 && replaced.size() < loaded.size()) {
						do {
							id = pick(random, loaded.keySet());
						}
						while (!replaced.add(id));
						described.add("replace " + id);
					}
					else {
						id = PREFIX + "r" + nextId++;
						described.add("new " + id);
					}
					var document = generator.report(random, id);
					loaded.put(id, document);
					inputs.add(new BulkLoader.Input(id + ".json", () -> document));
					described.set(described.size() - 1,
							described.get(described.size() - 1) + ": " + Generator.summary(document));
					if (random.nextInt(8) == 0) {
						facts = generator.entityFacts(random);
						var file = generator.entityFile(facts);
						inputs.add(new BulkLoader.Input(ENTITY_ORIGIN, () -> file));
						described.add("entity file with facts " + facts);
					}
				}
				var summary = bulk.load(inputs, progress -> {
				});
				assertThat(summary.refused()).as("documents the bulk loader refused").isEmpty();
				assertThat(summary.results()).hasSize(inputs.size());
				kind = "bulk load";
				operation = "bulk load of " + described;
			}
			else {
				facts = generator.entityFacts(random);
				assertThat(ingest.load(generator.entityFile(facts), ENTITY_ORIGIN).outcome()).isEqualTo(Outcome.MERGED);
				kind = "entity file reload";
				operation = "reload the entity file with facts " + facts;
			}
			operations.merge(kind, 1, Integer::sum);
			// The history, so a difference found later can be traced to the writes
			// before it.
			System.out.printf("RankingConsistencyIT step %d: %s%n", step, operation);
			check("step " + step + " (" + operation + ")", step == STEPS);
		}
		System.out.printf("RankingConsistencyIT: %d steps checked, %d reports loaded at the end; operations %s%n",
				STEPS, loaded.size(), operations);

		var counts = concurrentWriters(generator);
		System.out.printf("RankingConsistencyIT: %d writers for %ds ran %s%n", WRITERS, CONCURRENT.toSeconds(), counts);
		check("after " + WRITERS + " concurrent writers (" + counts + ")", true);

		for (var id : neo4j.query("MATCH (r:Report) WHERE r.id STARTS WITH $prefix RETURN r.id AS id")
			.bind(PREFIX)
			.to("prefix")
			.fetchAs(String.class)
			.all()) {
			assertThat(ingest.delete(id)).isTrue();
		}
		check("after deleting every report of the test", true);
		// What stays is the entity file's makers: one maker path per (product, company)
		// it
		// states.
		var makers = neo4j.query("""
				MATCH (p)-[:MADE_BY]->(c:Company) WHERE c.code IN $codes
				RETURN count(DISTINCT [p.id, c.code])""").bind(CODES).to("codes").fetchAs(Long.class).one();
		assertThat(neo4j.query("MATCH (k:Exposure|Constituent) WHERE k.code IN $codes RETURN count(k)")
			.bind(CODES)
			.to("codes")
			.fetchAs(Long.class)
			.one()).as("kept rows of the test's companies once no report recommends them").isEqualTo(makers);
	}

	/**
	 * Four writers load, replace and delete reports of one small pool of ids through
	 * {@link IngestService} (which retries lost races) until the time is up.
	 * @return how many operations of each kind ran, by outcome
	 */
	private Map<String, Long> concurrentWriters(Generator generator) throws Exception {
		var counts = new ConcurrentHashMap<String, AtomicLong>();
		var failures = new ConcurrentHashMap<String, Throwable>();
		var deadline = System.nanoTime() + CONCURRENT.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			var tasks = new ArrayList<Future<?>>();
			for (int w = 0; w < WRITERS; w++) {
				var random = new Random(SEED * 31 + w);
				int writer = w;
				tasks.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						var id = PREFIX + "c" + (1 + random.nextInt(CONCURRENT_IDS));
						try {
							if (random.nextInt(4) == 0) {
								counts
									.computeIfAbsent(ingest.delete(id) ? "deleted" : "delete, not found",
											key -> new AtomicLong())
									.incrementAndGet();
							}
							else {
								var outcome = ingest.load(generator.report(random, id), id + ".json").outcome();
								counts
									.computeIfAbsent(outcome.name().toLowerCase(java.util.Locale.ROOT),
											key -> new AtomicLong())
									.incrementAndGet();
							}
						}
						catch (RuntimeException ex) {
							failures.putIfAbsent("writer " + writer + " on " + id, ex);
						}
					}
					return null;
				}));
			}
			for (var task : tasks) {
				task.get(CONCURRENT.toSeconds() + 120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(failures).as("writes that failed").isEmpty();
		var result = new TreeMap<String, Long>();
		counts.forEach((key, value) -> result.put(key, value.get()));
		result.put("total", result.values().stream().mapToLong(Long::longValue).sum());
		return result;
	}

	/**
	 * Checks (a) the kept rows against the from-scratch computation and (b) every default
	 * answer against its {@code -computed} variant, for the test's universe, or for every
	 * target, stock and theme in the graph when {@code everything}; fails listing every
	 * difference found, each with the step, the query and its parameters, and the
	 * computed (expected) and answered (actual) values.
	 */
	private void check(String step, boolean everything) {
		// One read transaction for the whole check: a third faster than a transaction
		// per query, and nothing writes meanwhile.
		var differences = reads.execute(status -> differencesFromComputation(everything));
		if (!differences.isEmpty()) {
			fail("At %s, %d difference(s) from the computation%s:%n%s", step, differences.size(),
					differences.size() > 20 ? " (the first 20)" : "",
					String.join(System.lineSeparator(), differences.subList(0, Math.min(20, differences.size()))));
		}
	}

	private List<String> differencesFromComputation(boolean everything) {
		var differences = new ArrayList<String>();
		var targets = everything ? ids("MATCH (n:Technology|Product|Work) RETURN n.id AS id ORDER BY id") : TARGETS;
		var codes = everything ? ids("MATCH (c:Company) RETURN c.code AS id ORDER BY id") : CODES;
		var themes = everything ? ids("MATCH (t:Theme) RETURN t.id AS id ORDER BY id")
				: ids("MATCH (t:Theme) WHERE t.id STARTS WITH '" + PREFIX + "' RETURN t.id AS id ORDER BY id");
		var computedStocks = checkExposures(targets, codes, everything, differences);
		checkConstituents(differences);
		for (var target : targets) {
			for (var page : PAGES) {
				var parameters = parameters("id", target, "skip", page[0], "limit", page[1]);
				var expected = page == WHOLE ? computedStocks.get(target)
						: run("technology-stocks-computed", parameters);
				compareAnswers("technology-stocks", expected, "stocks", "code", parameters, differences);
			}
			// The strongest paths alone: the same first paths, and the same counts.
			var parameters = parameters("id", target, "skip", 0, "limit", 3, "pathLimit", 1);
			compareAnswers("technology-stocks", run("technology-stocks-computed", parameters), "stocks", "code",
					parameters, differences);
		}
		for (var code : codes) {
			for (var page : PAGES) {
				var parameters = parameters("code", code, "skip", page[0], "limit", page[1]);
				compareAnswers("stock-exposure", run("stock-exposure-computed", parameters), "exposures", "id",
						parameters, differences);
			}
			var parameters = parameters("code", code, "skip", 0, "limit", 3, "pathLimit", 2);
			compareAnswers("stock-exposure", run("stock-exposure-computed", parameters), "exposures", "id", parameters,
					differences);
		}
		for (var theme : themes) {
			for (var page : PAGES) {
				for (var evidenceLimit : new Integer[] { null, 2 }) {
					var parameters = parameters("id", theme, "skip", page[0], "limit", page[1]);
					parameters.put("evidenceLimit", evidenceLimit);
					compareAnswers("theme-stocks", run("theme-stocks-computed", parameters), "stocks", "code",
							parameters, differences);
				}
			}
		}
		return differences;
	}

	static final int[] WHOLE = { 0, 500 };

	/** The whole list, then a middle page, as the API asks. */
	static final int[][] PAGES = { WHOLE, { 1, 2 } };

	/**
	 * (a) for exposures: each {@code :Exposure} row (code, target) holds the score and
	 * the number of paths {@code technology-stocks-computed} gives that stock for that
	 * target, with no row it lacks and none twice. Within the universe, rows whose target
	 * or code is the test's (no path joins the test's companies to other targets).
	 * @return each target's computed answer, the whole list ({@link #WHOLE}), which the
	 * default answer must equal too
	 */
	private Map<String, Map<String, Object>> checkExposures(List<String> targets, List<String> codes,
			boolean everything, List<String> differences) {
		var computed = new TreeMap<String, String>();
		var answers = new HashMap<String, Map<String, Object>>();
		for (var target : targets) {
			var row = run("technology-stocks-computed", parameters("id", target, "skip", WHOLE[0], "limit", WHOLE[1]));
			answers.put(target, row);
			assertThat(((Number) row.get("total")).intValue()).as("stocks of %s, all on one page", target)
				.isLessThanOrEqualTo(500);
			for (var stock : list(row, "stocks")) {
				if (!Objects.equals(number(stock.get("pathTotal")), (long) list(stock, "paths").size())) {
					differences.add("technology-stocks-computed " + target + ": " + stock.get("code") + " pathTotal "
							+ stock.get("pathTotal") + " but " + list(stock, "paths").size() + " paths");
				}
				computed.put(stock.get("code") + " / " + target,
						"score " + number(stock.get("score")) + ", paths " + list(stock, "paths").size());
			}
		}
		var kept = new TreeMap<String, String>();
		neo4j
			.query(everything
					? "MATCH (e:Exposure) RETURN e.code AS code, e.target AS target, e.score AS score, "
							+ "e.paths AS paths"
					: "MATCH (e:Exposure) WHERE e.target IN $targets OR e.code IN $codes RETURN e.code AS code, "
							+ "e.target AS target, e.score AS score, e.paths AS paths")
			.bindAll(Map.of("targets", targets, "codes", codes))
			.fetch()
			.all()
			.forEach(row -> {
				var key = row.get("code") + " / " + row.get("target");
				var value = "score " + number(row.get("score")) + ", paths " + number(row.get("paths"));
				if (kept.putIfAbsent(key, value) != null) {
					differences.add("Exposure " + key + " is kept twice: " + kept.get(key) + " and " + value);
				}
			});
		compareKept("Exposure (code / target)", computed, kept, differences);
		return answers;
	}

	/**
	 * (a) for constituents: each {@code :Constituent} row (theme, code) holds the lowest
	 * position and the number of the theme's RECOMMENDS edges to the stock.
	 */
	private void checkConstituents(List<String> differences) {
		var computed = new TreeMap<String, String>();
		neo4j.query("""
				MATCH (t:Theme)-[rec:RECOMMENDS]->(c:Company)
				RETURN t.id AS theme, c.code AS code, min(rec.position) AS position, count(rec) AS evidence""")
			.fetch()
			.all()
			.forEach(row -> computed.put(row.get("theme") + " / " + row.get("code"),
					"position " + number(row.get("position")) + ", evidence " + number(row.get("evidence"))));
		var kept = new TreeMap<String, String>();
		neo4j
			.query("MATCH (k:Constituent) RETURN k.theme AS theme, k.code AS code, k.position AS position, "
					+ "k.evidence AS evidence")
			.fetch()
			.all()
			.forEach(row -> {
				var key = row.get("theme") + " / " + row.get("code");
				var value = "position " + number(row.get("position")) + ", evidence " + number(row.get("evidence"));
				if (kept.putIfAbsent(key, value) != null) {
					differences.add("Constituent " + key + " is kept twice: " + kept.get(key) + " and " + value);
				}
			});
		compareKept("Constituent (theme / code)", computed, kept, differences);
	}

	private static void compareKept(String what, Map<String, String> computed, Map<String, String> kept,
			List<String> differences) {
		var keys = new TreeSet<>(computed.keySet());
		keys.addAll(kept.keySet());
		for (var key : keys) {
			var expected = computed.get(key);
			var actual = kept.get(key);
			if (!Objects.equals(expected, actual)) {
				differences.add(what + " " + key + ": computed " + (expected == null ? "no row" : expected) + ", kept "
						+ (actual == null ? "no row" : actual));
			}
		}
	}

	/**
	 * (b) one answer against its computation, as whole rows; a difference names the first
	 * row (by position, with its code or id) that differs and both versions of it.
	 */
	private void compareAnswers(String query, Map<String, Object> expected, String listName, String keyName,
			Map<String, Object> parameters, List<String> differences) {
		var actual = run(query, parameters);
		if (Objects.equals(expected, actual)) {
			return;
		}
		var where = query + " " + parameters;
		if (!Objects.equals(number(expected.get("total")), number(actual.get("total")))) {
			differences.add(where + ": total computed " + expected.get("total") + ", answered " + actual.get("total"));
		}
		var computedRows = list(expected, listName);
		var answeredRows = list(actual, listName);
		for (int i = 0; i < Math.max(computedRows.size(), answeredRows.size()); i++) {
			var computedRow = i < computedRows.size() ? computedRows.get(i) : null;
			var answeredRow = i < answeredRows.size() ? answeredRows.get(i) : null;
			if (!Objects.equals(computedRow, answeredRow)) {
				differences.add(where + ": row " + i + " computed " + brief(computedRow, keyName) + ", answered "
						+ brief(answeredRow, keyName) + "\n    computed " + abbreviate(computedRow) + "\n    answered "
						+ abbreviate(answeredRow));
				return;
			}
		}
		differences.add(where + ": rows equal but the answers differ\n    computed " + abbreviate(expected)
				+ "\n    answered " + abbreviate(actual));
	}

	/** A row's key, score and number of paths or of evidence, where it has them. */
	private static String brief(Map<String, Object> row, String keyName) {
		if (row == null) {
			return "no row";
		}
		var brief = new StringBuilder(keyName + " " + row.get(keyName));
		if (row.containsKey("score")) {
			brief.append(" score ").append(row.get("score")).append(" paths ").append(list(row, "paths").size());
		}
		if (row.containsKey("evidenceTotal")) {
			brief.append(" evidenceTotal ")
				.append(row.get("evidenceTotal"))
				.append(" evidence ")
				.append(list(row, "evidence").size());
		}
		return brief.toString();
	}

	/** Whole rows run to pages: enough of one to see where it differs. */
	private static String abbreviate(Object row) {
		var text = String.valueOf(row);
		return text.length() <= 1500 ? text : text.substring(0, 1500) + "...";
	}

	/** The answer's one row; an absent row is read as an empty answer. */
	private Map<String, Object> run(String query, Map<String, Object> parameters) {
		return cypher.query(query).bindAll(parameters).fetch().one().orElse(Map.of());
	}

	/** Parameters of the default answer: whole window, sorted by rank. */
	private static Map<String, Object> parameters(Object... pairs) {
		var parameters = new HashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put((String) pairs[i], pairs[i + 1]);
		}
		parameters.put("since", null);
		parameters.put("until", null);
		parameters.put("sort", "rank");
		parameters.putIfAbsent("pathLimit", null);
		return parameters;
	}

	private List<String> ids(String query) {
		return List.copyOf(neo4j.query(query).fetchAs(String.class).all());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> row, String name) {
		var value = row.get(name);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	private static Long number(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

	private static <T> T pick(Random random, Set<T> values) {
		return new ArrayList<>(values).get(random.nextInt(values.size()));
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		var all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/**
	 * Random documents over the fixed universe: an entity file defining the companies,
	 * technologies, products, the broker and the analyst with a random set of facts, and
	 * reports whose every quote is a line of their text. Thread-safe (each caller brings
	 * its own {@link Random}).
	 */
	static final class Generator {

		private final JsonMapper json;

		Generator(JsonMapper json) {
			this.json = json;
		}

		static String companyName(String code) {
			return "排名测试" + ORDINALS[CODES.indexOf(code)] + "科技";
		}

		static String targetName(String id) {
			return TECHNOLOGIES.contains(id) ? "排名测试技术" + ORDINALS[TECHNOLOGIES.indexOf(id)]
					: "排名测试产品" + ORDINALS[PRODUCTS.indexOf(id)];
		}

		static String themeName(String id) {
			return "排名测试主题" + ORDINALS[THEMES.indexOf(id)];
		}

		/**
		 * 3 to 8 distinct facts (predicate, subject, object) between different targets.
		 */
		List<List<String>> entityFacts(Random random) {
			var facts = new LinkedHashSet<List<String>>();
			int size = 3 + random.nextInt(6);
			while (facts.size() < size) {
				var subject = TARGETS.get(random.nextInt(TARGETS.size()));
				var object = TARGETS.get(random.nextInt(TARGETS.size()));
				if (!subject.equals(object)) {
					facts.add(List.of(PREDICATES.get(random.nextInt(PREDICATES.size())), subject, object));
				}
			}
			// Now and then a listed maker of a product: a maker path (docs/model.md).
			if (random.nextInt(3) == 0) {
				facts.add(List.of("MADE_BY", PRODUCTS.get(random.nextInt(PRODUCTS.size())),
						CODES.get(random.nextInt(CODES.size()))));
			}
			return List.copyOf(facts);
		}

		ObjectNode entityFile(List<List<String>> facts) {
			var file = json.createObjectNode();
			file.put("kind", "entities");
			file.put("source", ENTITY_SOURCE);
			file.put("sourceTitle", "TEST FIXTURE: invented entities for RankingConsistencyIT");
			file.withArray("organizations")
				.addObject()
				.put("id", BROKER)
				.put("name", "排名测试证券")
				.put("type", "broker")
				.put("description", "TEST FIXTURE: an invented broker; not a real company.");
			file.withArray("people").addObject().put("id", ANALYST).put("name", "排名测试分析师");
			for (var code : CODES) {
				file.withArray("companies")
					.addObject()
					.put("code", code)
					.put("name", companyName(code))
					.put("note", "TEST FIXTURE: an invented company.");
			}
			for (var id : TECHNOLOGIES) {
				file.withArray("technologies").addObject().put("id", id).put("name", targetName(id));
			}
			for (var id : PRODUCTS) {
				file.withArray("products").addObject().put("id", id).put("name", targetName(id));
			}
			for (var fact : facts) {
				file.withArray("facts")
					.addObject()
					.put("subject", fact.get(1))
					.put("predicate", fact.get(0))
					.put("object", fact.get(2));
			}
			return file;
		}

		/**
		 * A report: 1 or 2 themes, each about 1 or 2 targets and recommending 1 to 4
		 * companies; 0 to 2 targets it is about and 0 to 2 it mentions (possibly the
		 * same); 0 to 3 facts; a random publication day in 2024.
		 */
		ObjectNode report(Random random, String id) {
			var text = new StringBuilder("TEST FIXTURE: 排名一致性测试用的虚构研报，非真实研报。\n");
			var document = json.createObjectNode();
			document.put("kind", "report");
			document.put("id", id);
			document.put("title", "排名测试研报 " + id + " 第" + random.nextInt(1_000_000) + "版（TEST FIXTURE）");
			document.put("broker", BROKER);
			document.put("industry", "测试");
			document.put("rating", "中性");
			var day = "2024-%02d-%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28));
			document.withObject("published").put("earliest", day).put("latest", day).put("precision", "day");
			document.put("language", "zh");
			var analyst = "证券分析师 排名测试分析师";
			text.append(analyst).append('\n');
			document.withArray("analysts")
				.addObject()
				.put("person", ANALYST)
				.put("role", "证券分析师")
				.put("quote", analyst);
			for (var target : sample(random, TARGETS, random.nextInt(3))) {
				var quote = "本报告讨论" + targetName(target) + "的进展。";
				text.append(quote).append('\n');
				document.withArray("about").addObject().put("entity", target).put("quote", quote);
			}
			for (var target : sample(random, TARGETS, random.nextInt(3))) {
				var quote = "文中亦提及" + targetName(target) + "。";
				text.append(quote).append('\n');
				document.withArray("mentions").addObject().put("entity", target).put("quote", quote);
			}
			var themes = document.withArray("themes");
			for (var themeId : sample(random, THEMES, 1 + random.nextInt(2))) {
				var theme = themes.addObject();
				var quote = "建议关注" + themeName(themeId) + "方向。";
				text.append(quote).append('\n');
				theme.put("id", themeId).put("name", themeName(themeId)).put("quote", quote);
				for (var target : sample(random, TARGETS, 1 + random.nextInt(2))) {
					var aboutQuote = themeName(themeId) + "受益于" + targetName(target) + "。";
					text.append(aboutQuote).append('\n');
					theme.withArray("about").addObject().put("entity", target).put("quote", aboutQuote);
				}
				for (var code : sample(random, CODES, 1 + random.nextInt(4))) {
					var companyQuote = themeName(themeId) + "推荐" + companyName(code) + "。";
					text.append(companyQuote).append('\n');
					theme.withArray("companies")
						.addObject()
						.put("code", code)
						.put("name", companyName(code))
						.put("quote", companyQuote);
				}
			}
			int factCount = random.nextInt(4);
			for (int i = 0; i < factCount; i++) {
				var pair = sample(random, TARGETS, 2);
				var predicate = PREDICATES.get(random.nextInt(PREDICATES.size()));
				var quote = targetName(pair.get(0)) + PREDICATE_WORDS.get(predicate) + targetName(pair.get(1)) + "。";
				text.append(quote).append('\n');
				document.withArray("facts")
					.addObject()
					.put("subject", pair.get(0))
					.put("predicate", predicate)
					.put("object", pair.get(1))
					.put("quote", quote);
			}
			// Now and then a listed maker of a product, stated by the report.
			if (random.nextInt(4) == 0) {
				var product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
				var code = CODES.get(random.nextInt(CODES.size()));
				var quote = targetName(product) + "由" + companyName(code) + "开发。";
				text.append(quote).append('\n');
				document.withArray("facts")
					.addObject()
					.put("subject", product)
					.put("predicate", "MADE_BY")
					.put("object", code)
					.put("quote", quote);
			}
			document.put("text", text.toString());
			return document;
		}

		/** What a report says, in one line, for the step descriptions. */
		static String summary(ObjectNode report) {
			var parts = new ArrayList<String>();
			for (var theme : report.path("themes")) {
				parts.add(theme.path("id").asString().substring(PREFIX.length()) + " about "
						+ shortIds(theme.path("about").findValuesAsString("entity")) + " recommends "
						+ theme.path("companies").findValuesAsString("code"));
			}
			parts.add("about " + shortIds(report.path("about").findValuesAsString("entity")));
			parts.add("mentions " + shortIds(report.path("mentions").findValuesAsString("entity")));
			var facts = new ArrayList<String>();
			for (var fact : report.path("facts")) {
				facts.add(fact.path("subject").asString().replace(PREFIX, "") + " " + fact.path("predicate").asString()
						+ " " + fact.path("object").asString().replace(PREFIX, ""));
			}
			parts.add("facts " + facts);
			parts.add("published " + report.path("published").path("latest").asString());
			return String.join("; ", parts);
		}

		private static List<String> shortIds(List<String> ids) {
			return ids.stream().map(id -> id.substring(PREFIX.length())).toList();
		}

		private static <T> List<T> sample(Random random, List<T> values, int size) {
			var copy = new ArrayList<>(values);
			java.util.Collections.shuffle(copy, random);
			return List.copyOf(copy.subList(0, size));
		}

	}

}
