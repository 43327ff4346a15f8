/**
 * The command line ({@code bin/themegraph}, entry point {@code ThemeGraphCli}): load,
 * validate and extract over the engines, on the same store as the service. Apart from the
 * service: nothing imports it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "command line",
		allowedDependencies = { "graph", "store", "ingest", "extract" })
package com.themegraph.cli;
