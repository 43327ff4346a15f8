package com.themegraph.ingest;

import java.time.Duration;
import java.util.Set;

import com.themegraph.store.InsufficientStorageException;
import com.themegraph.store.StoreState;
import org.neo4j.driver.exceptions.Neo4jException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * What HTTP and the command line call to write. Concurrent loads of overlapping reports
 * can deadlock, race to MERGE the same new node (the loser sees a uniqueness violation),
 * or find a node that another writer removes before they lock it: all are safe to run
 * again from the start, as each attempt is one whole transaction and checks the graph
 * afresh.
 */
@Service
public class IngestService {

	private final DocumentLoader loader;

	private final RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(8)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.jitter(Duration.ofMillis(20))
		.maxDelay(Duration.ofSeconds(1))
		.predicate(IngestService::isWorthRetrying)
		.build());

	private final StoreState store;

	IngestService(DocumentLoader loader, StoreState store) {
		this.loader = loader;
		this.store = store;
	}

	/**
	 * Loads one report document or entity file in one transaction (retried when it lost a
	 * race).
	 * @param document the parsed document
	 * @param origin where it came from, for messages
	 * @return what happened to it: new, unchanged, updated or merged, with the nodes and
	 * relationships written
	 * @throws InvalidDocumentException when the document is refused; nothing is written
	 * @throws InsufficientStorageException when the store's disk is below its minimum
	 * free space; nothing is written
	 */
	public LoadResult load(JsonNode document, String origin) {
		store.requireRoomToWrite();
		return retries.invoke(() -> loader.load(document, origin));
	}

	/**
	 * Removes a report, its edges and the nodes only it defined, in one transaction.
	 * @return false when there is no such report
	 * @throws InsufficientStorageException when the store's disk is below its minimum
	 * free space (a delete writes to the transaction log too, and Neo4j's files do not
	 * shrink)
	 */
	public boolean delete(String reportId) {
		store.requireRoomToWrite();
		return retries.invoke(() -> loader.delete(reportId));
	}

	/**
	 * Neo4j's codes for a write that lost a race; a document's own faults are refused
	 * before writing.
	 */
	static final Set<String> LOST_RACE_CODES = Set.of("Neo.ClientError.Schema.ConstraintValidationFailed",
			"Neo.ClientError.Statement.EntityNotFound");

	static boolean isWorthRetrying(Throwable failure) {
		if (failure instanceof TransientDataAccessException || failure instanceof ConcurrentWriteException) {
			return true;
		}
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j && LOST_RACE_CODES.contains(neo4j.code())) {
				return true;
			}
		}
		return false;
	}

}
