package com.themegraph.extract;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one {@code POST /api/reports/extract} may cost. {@code timeout}: the time an
 * extraction may run before it is stopped (a report's text takes well under a second; see
 * docs/reliability.md). {@code concurrency}: how many extractions may run at once; 0 (the
 * default) means half the processors, at least one, so extractions can never take every
 * core from reads.
 */
@ConfigurationProperties("themegraph.limits.extract")
record ExtractLimits(@DefaultValue("5s") Duration timeout, @DefaultValue("0") int concurrency) {

	ExtractLimits {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("themegraph.limits.extract.timeout must be positive, not " + timeout);
		}
		if (concurrency < 0) {
			throw new IllegalArgumentException(
					"themegraph.limits.extract.concurrency must be 0 (half the processors) or more, not "
							+ concurrency);
		}
	}

	/**
	 * The number of extractions that may run at once, with 0 resolved to half the
	 * processors.
	 */
	int slots() {
		return concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

}
