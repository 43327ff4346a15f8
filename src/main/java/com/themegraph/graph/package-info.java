/**
 * The graph kernel, at the bottom of the house: the named-query registry
 * ({@code cypher/queries/}), row mapping and paging, entity look-up with 404 suggestions,
 * listing codes, text folding, evidence paths, the read-transaction rule, the
 * relationship types every loader writes, and the domain exceptions as Spring
 * {@code ErrorResponse}s. It imports nothing of ours.
 */
@org.springframework.modulith.ApplicationModule(displayName = "graph kernel", allowedDependencies = {})
package com.themegraph.graph;
