package com.themegraph.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the report document's JSON Schemas at {@code /schema/*.schema.json}, the very
 * files the loader checks against (the jar's {@code seed-data/schema/}), so the page and
 * any other client read the contract the service applies. The page itself is Spring
 * Boot's static content ({@code classpath:/static/}, {@code index.html} at {@code /}),
 * and its libraries come from WebJars under {@code /webjars/}; all of it is read under
 * the same policy as the API's reads (see the web package's security configuration).
 */
@Configuration(proxyBeanMethods = false)
class UiResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Revalidated on every use: a schema changes with the jar, and a stale one would
		// tell the page a document is valid when the loader refuses it.
		registry.addResourceHandler("/schema/**")
			.addResourceLocations("classpath:/seed-data/schema/")
			.setCacheControl(CacheControl.noCache());
	}

}
