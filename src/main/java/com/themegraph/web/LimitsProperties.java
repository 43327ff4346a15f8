package com.themegraph.web;

import com.themegraph.graph.ReadTransaction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Input and work limits. A report's text may hold 2,000,000 characters (the JSON Schema's
 * limit), which is about 6 MB of UTF-8 Chinese, so a request body may be up to 8 MB. A
 * read transaction runs at most {@code readTimeoutSeconds} (see {@link ReadTransaction};
 * 0: no limit): the API's reads take milliseconds, so this only stops a runaway.
 */
@ConfigurationProperties("themegraph.limits")
public record LimitsProperties(@DefaultValue("8MB") DataSize maxRequestSize,
		@DefaultValue(ReadTransaction.DEFAULT_TIMEOUT_SECONDS) int readTimeoutSeconds) {
}
