/**
 * The extract engine (no controllers): report text to a draft report document for a
 * person to review, in work linear in the text and within a budget. Uses the kernel only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "extract", allowedDependencies = { "graph" })
package com.themegraph.extract;
