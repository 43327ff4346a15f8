/**
 * The graph store's plumbing: the embedded Neo4j's lifecycle (Bolt with its password, no
 * file reads, bounded shutdown), the schema applied at start-up, the guard against an
 * external store with a default password, and the free-space watch that turns a full disk
 * into refused writes. Uses the kernel only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "store", allowedDependencies = { "graph" })
package com.themegraph.store;
