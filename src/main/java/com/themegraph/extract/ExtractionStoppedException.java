package com.themegraph.extract;

import java.time.Duration;

/**
 * An extraction stopped before it finished: its time budget ran out ({@code timedOut}),
 * or it was cancelled. Nothing was drafted and nothing was written.
 */
public class ExtractionStoppedException extends RuntimeException {

	private final boolean timedOut;

	private final Duration timeout;

	ExtractionStoppedException(boolean timedOut, Duration timeout, long steps) {
		super((timedOut ? "Extraction stopped after " + timeout.toMillis() + " ms" : "Extraction cancelled") + ", "
				+ steps + " steps in", null, false, false);
		this.timedOut = timedOut;
		this.timeout = timeout;
	}

	public boolean timedOut() {
		return timedOut;
	}

	/** The budget it ran out of, or null when it was cancelled without one. */
	public Duration timeout() {
		return timeout;
	}

}
