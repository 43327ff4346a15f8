package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers of the same report id at the same moment, through REST: the graph must end as
 * exactly one version (or none, when a delete came last), never the union of two, and no
 * writer may see a 5xx. Each round starts the writers together at a barrier.
 */
class ReportVersionRaceIT extends GraphIT {

	static final String ID = "test-fixture-version-race";

	static final int ROUNDS = 12;

	@Autowired
	IngestService ingest;

	@Autowired
	JsonMapper json;

	private ExecutorService pool;

	private GraphSnapshot original;

	@BeforeEach
	void start() {
		pool = Executors.newFixedThreadPool(8);
		original = snapshot();
	}

	@AfterEach
	void stop() {
		pool.shutdownNow();
		ingest.delete(ID);
		assertSameGraph(snapshot(), original, "the graph once the report is gone");
	}

	/**
	 * Version A recommends both fixture companies; version B only the first, and names
	 * another theme.
	 */
	ObjectNode version(char version) {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		document.put("id", ID);
		document.put("title", "版本竞争测试 " + version + "（TEST FIXTURE）");
		var theme = (ObjectNode) document.withArray("themes").get(0);
		theme.put("id", "test-fixture-version-race-theme-" + Character.toLowerCase(version));
		if (version == 'B') {
			theme.withArray("companies").remove(1);
		}
		return document;
	}

	/** What the graph holds with just that version loaded (or with none, for null). */
	Map<String, GraphSnapshot> expectedStates() {
		var states = new TreeMap<String, GraphSnapshot>();
		states.put("none", snapshot());
		for (char v : new char[] { 'A', 'B' }) {
			ingest.load(version(v), "version " + v);
			states.put(String.valueOf(v), snapshot());
			ingest.delete(ID);
		}
		return states;
	}

	@Test
	void twoVersionsOfANewReportPostedAtOnceEndAsOneOfThem() throws Exception {
		var states = expectedStates();
		for (int round = 0; round < ROUNDS; round++) {
			var outcomes = race(post(version('A')), post(version('B')));
			assertThat(outcomes).as("round " + round).allSatisfy(status -> assertThat(status).isIn(200, 201));
			assertThat(outcomes).as("round %d: exactly one writer created the report", round).containsOnlyOnce(201);
			assertThat(stateOf(states)).as("round " + round).isIn("A", "B");
			assertThat(ingest.delete(ID)).isTrue();
		}
	}

	@Test
	void twoPostsAndADeleteAtOnceEndAsOneVersionOrNone() throws Exception {
		var states = expectedStates();
		for (int round = 0; round < ROUNDS; round++) {
			ingest.load(version(round % 2 == 0 ? 'A' : 'B'), "before the race");
			var outcomes = race(post(version('A')), post(version('B')),
					() -> send("DELETE", "/api/reports/" + ID, null, null, "X-API-Key", TEST_API_KEY).status());
			assertThat(outcomes).as("round " + round).allSatisfy(status -> assertThat(status).isIn(200, 201, 204, 404));
			assertThat(stateOf(states)).as("round " + round).isIn("A", "B", "none");
			ingest.delete(ID);
		}
	}

	@Test
	void eightWritersReplacingOneReportNeverSeeA5xx() throws Exception {
		var states = expectedStates();
		var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
		var failures = new ConcurrentHashMap<Integer, String>();
		var writers = new ArrayList<Future<?>>();
		for (int w = 0; w < 8; w++) {
			int writer = w;
			writers.add(pool.submit(() -> {
				for (int i = 0; i < 15; i++) {
					var response = send("POST", "/api/reports", "application/json",
							version((writer + i) % 2 == 0 ? 'A' : 'B').toString(), "X-API-Key", TEST_API_KEY);
					statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
					if (response.status() >= 500) {
						failures.putIfAbsent(response.status(), response.text());
					}
				}
				return null;
			}));
		}
		for (var writer : writers) {
			writer.get(180, TimeUnit.SECONDS);
		}
		System.out.printf("8 writers replacing one report: %s%n", new TreeMap<>(statuses));
		assertThat(failures).as("writes answered 5xx").isEmpty();
		assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(120);
		assertThat(stateOf(states)).isIn("A", "B");
	}

	private String stateOf(Map<String, GraphSnapshot> states) {
		var now = snapshot();
		return states.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(now))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("a mix of versions: " + now);
	}

	private java.util.concurrent.Callable<Integer> post(ObjectNode document) {
		var body = document.toString();
		return () -> send("POST", "/api/reports", "application/json", body, "X-API-Key", TEST_API_KEY).status();
	}

	/**
	 * Runs the calls at once (released together by a barrier) and gives their HTTP
	 * statuses.
	 */
	@SafeVarargs
	private List<Integer> race(java.util.concurrent.Callable<Integer>... calls) throws Exception {
		var barrier = new CyclicBarrier(calls.length);
		var futures = new ArrayList<Future<Integer>>();
		for (var call : calls) {
			futures.add(pool.submit(() -> {
				barrier.await(30, TimeUnit.SECONDS);
				return call.call();
			}));
		}
		var statuses = new ArrayList<Integer>();
		for (var future : futures) {
			statuses.add(future.get(60, TimeUnit.SECONDS));
		}
		return statuses;
	}

}
