package com.themegraph.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Transactional;

/**
 * A read-only transaction (a READ session, which a cluster routes to its readers) that
 * Neo4j stops after {@code themegraph.limits.read-timeout-seconds} (default
 * {@value #DEFAULT_TIMEOUT_SECONDS}; 0: no limit), so no request's query can hold the
 * store's threads and memory for longer. The timeout goes to Neo4j with the transaction
 * (the driver's transaction timeout), so it holds for the embedded store and a server
 * alike; a read stopped by it answers 503 problem details. Every read in the service is
 * one of these.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true,
		timeoutString = "${themegraph.limits.read-timeout-seconds:" + ReadTransaction.DEFAULT_TIMEOUT_SECONDS + "}")
public @interface ReadTransaction {

	/**
	 * Seconds, as {@code themegraph.limits.read-timeout-seconds} has it unless
	 * configured.
	 */
	String DEFAULT_TIMEOUT_SECONDS = "10";

}
