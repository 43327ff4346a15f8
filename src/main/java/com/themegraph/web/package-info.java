/**
 * HTTP plumbing shared by every resource: security (the writer's key, closed reads),
 * request size, charset, query-string and upload limits, problem details for every error
 * (the container's own included), and the OpenAPI document. Uses the kernel, and the
 * store beside it (to tell a full or stopped store from other failures).
 */
@org.springframework.modulith.ApplicationModule(displayName = "web", allowedDependencies = { "graph", "store" })
package com.themegraph.web;
