package com.themegraph.ingest;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * What HTTP and the command line call to write. Concurrent loads of overlapping reports can
 * deadlock, or race to MERGE the same new node (the loser sees a uniqueness violation): both are
 * safe to run again from the start, as each attempt is one whole transaction.
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

	IngestService(DocumentLoader loader) {
		this.loader = loader;
	}

	public LoadResult load(JsonNode document, String origin) {
		return retries.invoke(() -> loader.load(document, origin));
	}

	public boolean delete(String reportId) {
		return retries.invoke(() -> loader.delete(reportId));
	}

	static boolean isWorthRetrying(Throwable failure) {
		return failure instanceof TransientDataAccessException
				|| failure instanceof DataIntegrityViolationException integrity && String.valueOf(integrity.getMessage())
					.contains("already exists with label");
	}

}
