package com.themegraph.graph;

import java.time.Duration;
import java.util.Map;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reads in this process, on the embedded store, answer what the same query answers over
 * Bolt, and stop at the read timeout.
 */
class GraphReadsIT extends GraphIT {

	@Autowired
	GraphReads reads;

	@Autowired
	CypherQueries cypher;

	@Autowired
	ObjectProvider<DatabaseManagementService> embedded;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anInProcessReadAnswersWhatTheSameQueryAnswersOverBolt() {
		var parameters = Map.<String, Object>of("code", "300459.SZ");
		var inProcess = reads.one("stock-by-code", parameters).orElseThrow();
		var overBolt = cypher.query("stock-by-code").bindAll(parameters).fetch().one().orElseThrow();
		assertThat(inProcess.get("code")).isEqualTo("300459.SZ");
		assertThat(inProcess.get("name")).isEqualTo(overBolt.get("name"));
		assertThat(reads.all("stock-by-name", Map.of("names", TextFolding.companyKeys("汤姆猫"))))
			.extracting(row -> row.get("code"))
			.containsExactly("300459.SZ");
	}

	@Test
	void anInProcessReadStopsAtTheReadTimeout() {
		var bounded = new GraphReads(cypher, embedded, transactions, 1);
		var started = System.nanoTime();
		var failure = catchThrowable(() -> bounded.inProcess("UNWIND range(1, $n) AS x RETURN sum(x) AS total",
				Map.of("n", 4_000_000_000L), 1));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(failure).isInstanceOf(GraphReads.ReadTimedOutException.class)
			.hasMessage("read stopped after its timeout of 1 s");
	}

}
