/**
 * The {@code /api/themes} resource: themes and the stocks each recommends, with evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "themes", allowedDependencies = { "graph" })
package com.themegraph.theme;
