package com.themegraph.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser pages on other origins (dashboards), with Spring's own
 * {@link CorsFilter}, placed in the security chain so a preflight is answered before any
 * credentials are asked for (a browser never sends them on a preflight).
 * <p>
 * The API and its OpenAPI document only: Neo4j Browser at /browser/ and the actuator are
 * for people and scrapers, not for pages elsewhere. Reads and writes share one
 * configuration: a write still needs the key, which a page on an allowed origin may send
 * in {@code X-API-Key} (or {@code Authorization} for HTTP Basic). No cookies are used, so
 * credentials mode is off, which is also what lets {@code *} be allowed.
 */
final class CrossOrigin {

	/** How long a browser may reuse a preflight's answer. */
	static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

	private CrossOrigin() {
	}

	/**
	 * The filter for the security chain.
	 * @param properties the allowed origins; with none, no path has a configuration and
	 * the filter changes nothing
	 * @param json writes a refused cross-origin request's problem
	 */
	static CorsFilter filter(CorsProperties properties, JsonMapper json) {
		var source = new UrlBasedCorsConfigurationSource();
		if (properties.enabled()) {
			var configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(properties.origins().stream().map(String::strip).toList());
			configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
					HttpMethod.POST.name(), HttpMethod.DELETE.name()));
			configuration.setAllowedHeaders(List.of(SecurityConfiguration.API_KEY_HEADER, HttpHeaders.AUTHORIZATION,
					HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT));
			// Beyond the CORS-safelisted answer headers, what a dashboard reads: the tag
			// to revalidate with, where a new report went, and when to retry.
			configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
			configuration.setAllowCredentials(false);
			configuration.setMaxAge(PREFLIGHT_MAX_AGE);
			source.registerCorsConfiguration("/api/**", configuration);
			source.registerCorsConfiguration("/v3/api-docs/**", configuration);
			source.registerCorsConfiguration("/v3/api-docs", configuration);
		}
		var filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(json));
		return filter;
	}

	/**
	 * Spring's processor, refusing (an origin, method or header not allowed) with 403
	 * problem details instead of its plain-text "Invalid CORS request". A processor per
	 * request, since the refusal names the request's path and Spring hands
	 * {@code rejectRequest} only the response.
	 */
	record ProblemCorsProcessor(JsonMapper json) implements CorsProcessor {

		@Override
		public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			return new DefaultCorsProcessor() {
				@Override
				protected void rejectRequest(ServerHttpResponse refused) throws IOException {
					// The Vary headers Spring has gathered so far stay: the refusal
					// depends on the Origin.
					refused.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
					ProblemResponses.write(request, response, json, HttpStatus.FORBIDDEN, "cors-refused",
							"Cross-origin request refused",
							"This origin, method or header may not call the API from a web page; the allowed "
									+ "origins are set with THEMEGRAPH_CORS_ORIGINS");
				}
			}.processRequest(configuration, request, response);
		}

	}

}
