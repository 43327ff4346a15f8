package com.themegraph.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How request bodies may hold the service's request threads. {@code concurrency}: how
 * many requests may be receiving or processing a body at once; beyond it a request with a
 * body is answered 503 at once, so slow uploads can never take every thread reads need.
 * {@code bodyTimeout}: the most time a request's body may take to arrive, however
 * steadily it trickles; past it the request is answered 408 and its connection closed. (A
 * body that stops arriving altogether is cut off sooner, by
 * {@code server.tomcat.connection-timeout}.)
 */
@ConfigurationProperties("themegraph.limits.upload")
public record UploadLimits(@DefaultValue("20") int concurrency, @DefaultValue("30s") Duration bodyTimeout) {

	public UploadLimits {
		if (concurrency < 1) {
			throw new IllegalArgumentException(
					"themegraph.limits.upload.concurrency must be at least 1, not " + concurrency);
		}
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalArgumentException(
					"themegraph.limits.upload.body-timeout must be positive, not " + bodyTimeout);
		}
	}

}
