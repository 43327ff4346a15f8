package com.themegraph.extract;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Runs extractions within {@link ExtractLimits}: at most {@code slots()} at once, each
 * with its own time budget. A request that finds every slot taken is refused at once
 * rather than queued: queued extractions would hold request threads that reads need, and
 * their clients may have gone by the time a slot frees.
 */
@Component
public class ExtractionSlots {

	private final Semaphore slots;

	private final int size;

	private final Duration timeout;

	/** The deadline of each running extraction (an array each, so each is its own). */
	private final Set<long[]> running = ConcurrentHashMap.newKeySet();

	ExtractionSlots(ExtractLimits limits) {
		this.size = limits.slots();
		this.slots = new Semaphore(size);
		this.timeout = limits.timeout();
	}

	/**
	 * Runs {@code extraction} with a fresh budget of {@code timeout} in the calling
	 * thread (which waits for it anyway), holding a slot until it returns.
	 * @throws BusyException when every slot is taken; nothing was run
	 * @throws ExtractionStoppedException when the extraction ran out of time or was
	 * cancelled
	 */
	public <T> T run(Function<Budget, T> extraction) {
		if (!slots.tryAcquire()) {
			throw new BusyException(size, untilASlotFrees());
		}
		var deadline = new long[] { System.nanoTime() + timeout.toNanos() };
		running.add(deadline);
		try {
			return extraction.apply(Budget.of(timeout));
		}
		finally {
			// Freed the moment the extraction ends, refused or not.
			running.remove(deadline);
			slots.release();
		}
	}

	/**
	 * The longest a caller may wait for a slot: the time left to the running extraction
	 * that must end first (each is stopped at its deadline), not the whole budget. A slot
	 * freed meanwhile makes it sooner; at most {@code timeout}.
	 */
	Duration untilASlotFrees() {
		long now = System.nanoTime();
		long soonest = Long.MAX_VALUE;
		for (var deadline : running) {
			soonest = Math.min(soonest, deadline[0] - now);
		}
		if (soonest == Long.MAX_VALUE) {
			return timeout;
		}
		return Duration.ofNanos(Math.max(0, Math.min(soonest, timeout.toNanos())));
	}

	public Duration timeout() {
		return timeout;
	}

	/** How many extractions may run at once. */
	public int size() {
		return size;
	}

	/**
	 * Every slot is taken; a slot frees within {@code timeout} at the latest (the time
	 * left to the running extraction nearest its deadline).
	 */
	public static final class BusyException extends RuntimeException {

		private final int slots;

		private final Duration timeout;

		BusyException(int slots, Duration timeout) {
			super(slots + " extraction(s) already running", null, false, false);
			this.slots = slots;
			this.timeout = timeout;
		}

		public int slots() {
			return slots;
		}

		public Duration timeout() {
			return timeout;
		}

	}

}
