/**
 * The {@code /api/technologies} resource: stocks linked to a technology, product or work,
 * ranked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "technologies", allowedDependencies = { "graph" })
package com.themegraph.technology;
