package com.themegraph.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the API from a browser page (CORS): exact origins such as
 * {@code https://dashboard.example.com}, or {@code *} for any. None by default, so a page
 * on another origin cannot read answers until someone decides it may.
 *
 * @param origins the allowed origins ({@code THEMEGRAPH_CORS_ORIGINS}, comma separated)
 */
@ConfigurationProperties("themegraph.cors")
public record CorsProperties(@DefaultValue List<String> origins) {

	/** Whether any origin is allowed at all. */
	public boolean enabled() {
		return origins.stream().anyMatch(origin -> !origin.isBlank());
	}

}
