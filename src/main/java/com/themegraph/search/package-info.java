/** The {@code /api/search} resource: names and aliases, folded as everywhere else. */
@org.springframework.modulith.ApplicationModule(displayName = "search", allowedDependencies = { "graph" })
package com.themegraph.search;
