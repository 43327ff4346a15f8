/**
 * The analyst's web page at {@code /}: static assets (src/main/resources/static) that use
 * the public REST API only, and the JSON Schemas served beside them at {@code /schema/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ui", allowedDependencies = {})
package com.themegraph.ui;
