package com.themegraph.web;

import java.time.Duration;
import java.util.List;

import com.themegraph.GraphIT;
import com.themegraph.TestNeo4j.SessionAccessModes;
import com.themegraph.ingest.DocumentLoader;
import com.themegraph.ingest.LoadResult;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * On a cluster or Aura ({@code neo4j://} or {@code neo4j+s://}) the driver sends READ
 * sessions to reader members and WRITE sessions to the leader: every API read that goes
 * through the driver must ask for READ, every load for WRITE. Every read also carries the
 * read timeout, at which Neo4j stops it. On the embedded store the hot reads (themes,
 * stocks, exposure, technologies) run in this process ({@code GraphReads}) and open no
 * session at all.
 */
class ReadTransactionsIT extends GraphIT {

	static final List<String> READS = List.of("/api/themes", "/api/themes/ai-video-tools/stocks",
			"/api/themes/ai-video/stocks", "/api/technologies/sora/stocks", "/api/technologies/sorra/stocks",
			"/api/stocks/1357.HK", "/api/stocks/汤姆猫/exposure", "/api/stocks/万兴/exposure", "/api/search?q=sora",
			"/api/reports", "/api/reports/" + SEED_REPORT, "/api/reports/nope",
			"/api/reports/" + SEED_REPORT + "/text");

	@Autowired
	SessionAccessModes sessions;

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApiExceptionHandler handler;

	@Test
	void everyApiReadRunsInReadSessions() {
		for (var read : READS) {
			sessions.clear();
			var status = get(read).status();
			assertThat(status).as(read).isIn(200, 404);
			assertThat(sessions.modes()).as(read).doesNotContain(AccessMode.WRITE);
		}
	}

	/**
	 * Each read's one transaction carries the read timeout to Neo4j (10 s by default).
	 */
	@Test
	void everyApiReadIsBoundedByTheReadTimeout() {
		for (var read : READS) {
			sessions.clear();
			get(read);
			assertThat(sessions.transactionTimeouts()).as(read)
				.hasSameSizeAs(sessions.modes())
				.allSatisfy(timeout -> assertThat(timeout).isEqualTo(Duration.ofSeconds(10)));
		}
	}

	/**
	 * The hot answers open no Bolt session on the embedded store: they read in this
	 * process.
	 */
	@Test
	void theHotAnswersReadInThisProcess() {
		for (var read : List.of("/api/themes", "/api/themes/ai-video-tools/stocks", "/api/technologies/sora/stocks",
				"/api/stocks/汤姆猫/exposure", "/api/stocks/1357.HK")) {
			sessions.clear();
			assertThat(get(read).status()).as(read).isEqualTo(200);
			assertThat(sessions.modes()).as(read).isEmpty();
		}
	}

	/** A read in this process stopped at its timeout answers the same 503 problem. */
	@Test
	void anInProcessReadStoppedAtItsTimeoutIsA503Problem() {
		var problem = handler
			.unexpected(
					new com.themegraph.graph.GraphReads.ReadTimedOutException(10, new IllegalStateException("stopped")),
					new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/technologies/sora/stocks"))
			.getBody();
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString("https://themegraph.example/problems/read-timeout");
	}

	/** Loading is not cut short by the read timeout: a large report may take longer. */
	@Test
	void loadingAReportRunsInAWriteSession() throws Exception {
		var report = json
			.readTree(new ClassPathResource("seed-data/reports/" + SEED_REPORT + ".json").getInputStream());
		sessions.clear();
		var result = loader.load(report, "seed-data/reports/" + SEED_REPORT + ".json");
		assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.UNCHANGED);
		assertThat(sessions.modes()).containsExactly(AccessMode.WRITE);
		assertThat(sessions.transactionTimeouts()).containsExactly(Duration.ZERO);
	}

	/**
	 * Neo4j stops a read transaction when its timeout is up, and the client is told so
	 * with a 503 problem (here a one-second timeout and a query that would run for
	 * minutes).
	 */
	@Test
	void neo4jStopsAReadAtItsTimeoutAndTheClientGetsA503Problem() {
		var template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		template.setTimeout(1);
		var started = System.nanoTime();
		var failure = catchThrowable(
				() -> template.execute(status -> neo4j.query("UNWIND range(1, $n) AS x RETURN sum(x)")
					.bind(4_000_000_000L)
					.to("n")
					.fetchAs(Long.class)
					.one()));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(failure).isInstanceOf(Exception.class);
		var problem = handler
			.unexpected((Exception) failure,
					new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/themes"))
			.getBody();
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString("https://themegraph.example/problems/read-timeout");
		assertThat(problem.getDetail()).startsWith("The graph query ran longer than 10 seconds");
	}

}
