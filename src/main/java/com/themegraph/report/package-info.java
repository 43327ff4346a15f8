/**
 * The {@code /api/reports} resource, all of it: listing and reading reports, loading and
 * deleting them (through the ingest engine), and drafting a document from a report's text
 * (through the extract engine).
 */
@org.springframework.modulith.ApplicationModule(displayName = "reports",
		allowedDependencies = { "graph", "ingest", "extract" })
package com.themegraph.report;
