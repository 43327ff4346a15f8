package com.themegraph.extract;

import java.time.Duration;
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
			throw new BusyException(size, timeout);
		}
		try {
			return extraction.apply(Budget.of(timeout));
		}
		finally {
			slots.release();
		}
	}

	public Duration timeout() {
		return timeout;
	}

	/** How many extractions may run at once. */
	public int size() {
		return size;
	}

	/** Every slot is taken; a slot frees within {@code timeout} at the latest. */
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
