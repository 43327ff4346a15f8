/**
 * The {@code /api/stocks} resource: one listed company, its themes and what it is exposed
 * to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "stocks", allowedDependencies = { "graph" })
package com.themegraph.stock;
