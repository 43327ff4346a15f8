/**
 * The ingest engine (no controllers): validates report documents and entity files against
 * their JSON Schemas and the graph, plans their rows, and writes them one document per
 * transaction or in bulk, with one writer per report id; seed data at start-up. Uses the
 * kernel and the store.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ingest", allowedDependencies = { "graph", "store" })
package com.themegraph.ingest;
