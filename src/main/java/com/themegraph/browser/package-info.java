/**
 * Neo4j Browser at {@code /browser/}, opened with the graph's Bolt address and auth
 * method.
 */
@org.springframework.modulith.ApplicationModule(displayName = "browser", allowedDependencies = { "graph" })
package com.themegraph.browser;
