package com.themegraph.extract;

import java.time.Duration;

/**
 * How much an extraction may do, and the means to stop it. Every loop over the text
 * reports the characters or items it visits as steps; every few thousand steps the budget
 * looks at the clock, at its cancel flag and at the thread's interrupt, and stops the
 * extraction by throwing {@link ExtractionStoppedException}. The steps are counted, so a
 * test can see how the work grows with the input without timing it. One extraction, one
 * thread: only {@link #cancel()} may be called from another.
 */
public final class Budget {

	/**
	 * Looking at the clock costs far more than a step; this often keeps it cheap and
	 * still prompt.
	 */
	static final int CHECK_EVERY = 4096;

	private final Duration timeout;

	private final long deadline;

	private volatile boolean cancelled;

	private long steps;

	private long nextCheck = CHECK_EVERY;

	private Budget(Duration timeout) {
		this.timeout = timeout;
		this.deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
	}

	/**
	 * No time limit: the command line, and tests that count steps. Cancel and interrupt
	 * still stop it.
	 */
	static Budget unlimited() {
		return new Budget(null);
	}

	/** Stops the extraction once {@code timeout} has passed from now. */
	static Budget of(Duration timeout) {
		return new Budget(timeout);
	}

	/** One step of work: a character looked at, an item compared. */
	void step() {
		step(1);
	}

	/**
	 * {@code n} steps of work at once, e.g. the characters a library call scanned.
	 * @throws ExtractionStoppedException when the budget is spent or the extraction was
	 * cancelled
	 */
	void step(long n) {
		steps += n;
		if (steps >= nextCheck) {
			nextCheck = steps + CHECK_EVERY;
			check();
		}
	}

	/**
	 * @throws ExtractionStoppedException when the budget is spent or the extraction was
	 * cancelled
	 */
	void check() {
		if (cancelled || Thread.currentThread().isInterrupted()) {
			throw new ExtractionStoppedException(false, timeout, steps);
		}
		if (timeout != null && System.nanoTime() - deadline > 0) {
			throw new ExtractionStoppedException(true, timeout, steps);
		}
	}

	/** Stops the extraction at its next check; safe from any thread. */
	void cancel() {
		cancelled = true;
	}

	/** The steps counted so far. */
	long steps() {
		return steps;
	}

	/** The time limit, or null for none. */
	Duration timeout() {
		return timeout;
	}

}
