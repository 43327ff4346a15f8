package com.themegraph.ingest;

/**
 * Another writer changed what this load had checked (a node it links was removed after
 * the checks): the whole transaction is rolled back and worth running again from the
 * start.
 */
class ConcurrentWriteException extends RuntimeException {

	ConcurrentWriteException(String message) {
		super(message);
	}

}
