package com.themegraph.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.TransientException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interleavings a random concurrency run meets once in thousands of requests, forced:
 * another transaction holds the lock on a node that a load or delete is about to remove
 * or link, and commits only once the ingest is seen waiting for it. Every ingest must
 * still succeed.
 */
class IngestRaceIT extends GraphIT {

	static final String FIRST = "test-fixture-race-1";

	static final String SECOND = "test-fixture-race-2";

	static final String ONLY_THEIRS = "test-fixture-race-technology";

	@Autowired
	IngestService ingest;

	@Autowired
	JsonMapper json;

	@Autowired
	Driver driver;

	@AfterEach
	void removeReports() {
		ingest.delete(FIRST);
		ingest.delete(SECOND);
		neo4j.query("MATCH (n:Entity {id: $id}) DETACH DELETE n").bind(ONLY_THEIRS).to("id").run();
	}

	/** A report that alone defines, and mentions, the technology {@link #ONLY_THEIRS}. */
	ObjectNode report(String id) {
		var document = (ObjectNode) json.readTree(secondReportFixture());
		document.put("id", id);
		var technology = document.withObject("entities").withArray("technologies").addObject();
		technology.put("id", ONLY_THEIRS);
		technology.put("name", "竞态测试技术");
		document.withArray("mentions").addObject().put("entity", ONLY_THEIRS).put("quote", "测试风险");
		return document;
	}

	@Test
	void deletingTheLastReportOfANodeThatAnotherWriterIsLinkingKeepsTheNode() throws Exception {
		ingest.load(report(FIRST), FIRST);
		try (var session = driver.session(); var other = session.beginTransaction()) {
			// Another writer links the node and holds its lock: committed, the node is no
			// orphan.
			other
				.run("""
						MATCH (n:Entity {id: $id}), (r:Report {id: $report})
						SET n.name = n.name
						CREATE (r)-[:MENTIONS {source: 'test-fixture-race-holder', quote: 'x'}]->(n)""",
						Map.of("id", ONLY_THEIRS, "report", SEED_REPORT))
				.consume();
			var deletion = whileHeld(other, () -> ingest.delete(FIRST));
			assertThat(deletion.get(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(count("MATCH (:Report {id: '" + SEED_REPORT + "'})-[:MENTIONS]->(:Entity {id: '" + ONLY_THEIRS
				+ "'}) RETURN count(*)"))
			.as("the other writer's link, and so its node")
			.isOne();
		assertThat(count("MATCH (:Report {id: '" + FIRST + "'}) RETURN count(*)")).isZero();
	}

	@Test
	void loadingAReportThatLinksANodeAnotherWriterIsDeletingRecreatesTheNode() throws Exception {
		ingest.load(report(FIRST), FIRST);
		try (var session = driver.session(); var other = session.beginTransaction()) {
			// Another writer removes the node (as replacing its last report would) and
			// holds its lock.
			other.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", ONLY_THEIRS)).consume();
			var second = report(SECOND);
			var load = whileHeld(other, () -> ingest.load(second, SECOND));
			assertThat(load.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(LoadResult.Outcome.NEW);
		}
		assertThat(count("MATCH (:Report {id: '" + SECOND + "'})-[:MENTIONS]->(:Entity {id: '" + ONLY_THEIRS
				+ "'}) RETURN count(*)"))
			.as("the new report's link, to a node made again")
			.isOne();
	}

	@Test
	void twoDeletionsOfTheSameOrphanBothSucceed() throws Exception {
		ingest.load(report(FIRST), FIRST);
		ingest.load(report(SECOND), SECOND);
		ingest.delete(SECOND);
		try (var session = driver.session(); var other = session.beginTransaction()) {
			other.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", ONLY_THEIRS)).consume();
			var deletion = whileHeld(other, () -> ingest.delete(FIRST),
					() -> neo4j.query("MATCH (n:Entity {id: $id}) DETACH DELETE n").bind(ONLY_THEIRS).to("id").run());
			assertThat(deletion.get(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(count("MATCH (n:Entity {id: '" + ONLY_THEIRS + "'}) RETURN count(n)")).isZero();
		assertThat(count("MATCH (:Report {id: '" + FIRST + "'}) RETURN count(*)")).isZero();
	}

	/**
	 * Starts the ingest, waits until the store shows it blocked on the other
	 * transaction's lock, then commits that transaction.
	 */
	private <T> CompletableFuture<T> whileHeld(Transaction other, Supplier<T> ingestCall) throws InterruptedException {
		return whileHeld(other, ingestCall, null);
	}

	/**
	 * As above; when Neo4j picks the other writer as a deadlock's victim at its commit
	 * (the ingest locks the report first, the other writer's relationship deletion locks
	 * its ends only at commit), {@code redo} runs its work again, as the service's own
	 * retry would.
	 */
	private <T> CompletableFuture<T> whileHeld(Transaction other, Supplier<T> ingestCall, Runnable redo)
			throws InterruptedException {
		var call = CompletableFuture.supplyAsync(ingestCall);
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!call.isDone() && blockedTransactions() == 0) {
			assertThat(System.nanoTime()).as("the ingest waits for the other writer's lock").isLessThan(deadline);
			Thread.sleep(10);
		}
		assertThat(call).as("the ingest could not finish before the other writer commits").isNotDone();
		try {
			other.commit();
		}
		catch (TransientException deadlock) {
			if (redo == null) {
				throw deadlock;
			}
			// Redone while the ingest still runs, it may meet another deadlock: retried
			// like the
			// service's own writes.
			org.awaitility.Awaitility.await("the other writer's work, redone")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptionsMatching(failure -> failure instanceof TransientDataAccessException
						|| failure instanceof TransientException)
				.untilAsserted(redo::run);
		}
		return call;
	}

	private long blockedTransactions() {
		return neo4j.query("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS c")
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
	}

}
