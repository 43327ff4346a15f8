package com.themegraph.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class IngestServiceTests {

	@Test
	void writesThatLostARaceAreRunAgain() {
		assertThat(IngestService.isWorthRetrying(new TransientDataAccessResourceException("deadlock"))).isTrue();
		assertThat(IngestService.isWorthRetrying(new DataIntegrityViolationException("Node(1) already exists",
				new ClientException("Neo.ClientError.Schema.ConstraintValidationFailed", "Node(1) already exists"))))
			.isTrue();
		assertThat(IngestService.isWorthRetrying(new InvalidDataAccessResourceUsageException("Unable to load NODE",
				new ClientException("Neo.ClientError.Statement.EntityNotFound", "Unable to load NODE"))))
			.isTrue();
		assertThat(IngestService.isWorthRetrying(new ConcurrentWriteException("only 0 of 1 relationships"))).isTrue();
		// A deadlock on a dense node's degrees, found at commit (RankingConsistencyIT
		// met it with four writers).
		assertThat(IngestService
			.isWorthRetrying(new TransactionSystemException("can't acquire EXCLUSIVE NODE(107)", new TransientException(
					"Neo.TransientError.Transaction.DeadlockDetected", "can't acquire EXCLUSIVE NODE(107)"))))
			.isTrue();
	}

	@Test
	void faultsThatWouldRecurAreNot() {
		assertThat(IngestService.isWorthRetrying(
				new InvalidDocumentException("reports/x.json", List.of(new Violation("/title", "required")))))
			.isFalse();
		assertThat(IngestService.isWorthRetrying(new InvalidDataAccessResourceUsageException("Invalid input",
				new ClientException("Neo.ClientError.Statement.SyntaxError", "Invalid input"))))
			.isFalse();
		assertThat(IngestService.isWorthRetrying(new IllegalArgumentException("no such query"))).isFalse();
	}

}
