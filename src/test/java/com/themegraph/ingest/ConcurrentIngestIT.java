package com.themegraph.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers replace overlapping reports (shared themes, companies, broker and entities)
 * while readers query, for a bounded time; then the graph must be what loading the same
 * reports one by one makes, with no duplicate and no 5xx on the way.
 */
class ConcurrentIngestIT extends GraphIT {

	static final int REPORTS = 6;

	static final int WRITERS = 4;

	static final int READERS = 2;

	static final Duration RUN = Duration.ofSeconds(Long.getLong("themegraph.test.concurrency-seconds", 30));

	@Autowired
	IngestService ingest;

	@Autowired
	JsonMapper json;

	@AfterEach
	void removeReports() {
		for (int i = 1; i <= REPORTS; i++) {
			ingest.delete(id(i));
		}
	}

	static String id(int i) {
		return "test-fixture-concurrent-" + i;
	}

	/**
	 * Report i, version v: overlapping recommendations, and entities every report defines
	 * alike.
	 */
	ObjectNode report(int i, int version) {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		document.put("id", id(i));
		document.put("title", "并发测试 " + i + " 版本 " + version + "（TEST FIXTURE）");
		var themes = document.withArray("themes");
		((ObjectNode) themes.get(0)).put("id", "test-fixture-concurrent-theme");
		if ((i + version) % 2 == 0) {
			// Versions differ in what they recommend, so every replacement really
			// rewrites edges.
			((ObjectNode) themes.get(0)).withArray("companies").remove(1);
		}
		var technology = document.withObject("entities").withArray("technologies").addObject();
		technology.put("id", "test-fixture-shared-technology");
		technology.put("name", "共享测试技术");
		document.withArray("mentions").addObject().put("entity", "test-fixture-shared-technology").put("quote", "测试风险");
		return document;
	}

	@Test
	void parallelWritersAndReadersEndWhereLoadingOneByOneEnds() throws Exception {
		var original = snapshot();
		// The readers ask for the theme these reports share, which answers 404 (rightly)
		// until
		// one of them is loaded: load one first, so no reader can start before it exists.
		// The
		// reports end on version 1 whatever happens, so the end state is the same.
		ingest.load(report(1, 1), id(1));
		var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
		var failures = new ConcurrentHashMap<String, String>();
		var deadline = System.nanoTime() + RUN.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
		var tasks = new ArrayList<java.util.concurrent.Future<?>>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			tasks.add(pool.submit(() -> {
				int round = 0;
				while (System.nanoTime() < deadline) {
					int i = 1 + (writer + round) % REPORTS;
					record(statuses, failures, post(report(i, round % 2 + 1)));
					round++;
				}
				return null;
			}));
		}
		var reads = List.of("/api/themes", "/api/technologies/sora/stocks", "/api/stocks/300624.SZ/exposure",
				"/api/themes/test-fixture-concurrent-theme/stocks", "/api/search?q=测试", "/api/reports");
		for (int r = 0; r < READERS; r++) {
			tasks.add(pool.submit(() -> {
				int round = 0;
				while (System.nanoTime() < deadline) {
					record(statuses, failures, get(reads.get(round++ % reads.size())));
				}
				return null;
			}));
		}
		for (var task : tasks) {
			task.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
		}
		// Settle every report on version 1, still in parallel.
		var settle = new ArrayList<java.util.concurrent.Future<?>>();
		for (int i = 1; i <= REPORTS; i++) {
			int report = i;
			settle.add(pool.submit(() -> {
				record(statuses, failures, post(report(report, 1)));
				return null;
			}));
		}
		for (var task : settle) {
			task.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		System.out.printf("Concurrency: %d writers and %d readers for %ds: %s%n", WRITERS, READERS, RUN.toSeconds(),
				new java.util.TreeMap<>(statuses));
		assertThat(failures).as("requests answered 5xx or failed").isEmpty();
		assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(300));
		assertThat(count("MATCH (n:Entity) WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(*)"))
			.isZero();
		assertThat(count("""
				MATCH (a)-[e]->(b) WITH a, type(e) AS type, b, e.source AS source, count(*) AS copies
				WHERE copies > 1 RETURN count(*)""")).isZero();
		var concurrent = snapshot();

		removeReports();
		assertSameGraph(snapshot(), original, "after deleting the reports");
		for (int i = 1; i <= REPORTS; i++) {
			ingest.load(report(i, 1), id(i));
		}
		assertSameGraph(ownerless(snapshot()), ownerless(concurrent), "loaded one by one");
	}

	/**
	 * The graph with the owner of each shared entity blanked: an entity several reports
	 * define belongs to whichever wrote it first ({@code definedBy}), and among parallel
	 * writers that is a race by nature. Everything else must be as one by one.
	 */
	private static GraphSnapshot ownerless(GraphSnapshot graph) {
		return new GraphSnapshot(graph.nodes(), graph.relationships(),
				graph.content()
					.stream()
					.map(line -> line.replaceAll("definedBy=test-fixture-concurrent-\\d+", "definedBy=(first writer)"))
					.sorted()
					.toList());
	}

	private Response post(ObjectNode document) {
		return send("POST", "/api/reports", "application/json", document.toString(), "X-API-Key", TEST_API_KEY);
	}

	private static void record(Map<Integer, AtomicLong> statuses, Map<String, String> failures, Response response) {
		statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
		if (response.status() >= 500) {
			failures.putIfAbsent(String.valueOf(response.status()), response.text());
		}
	}

}
