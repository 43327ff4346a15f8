package com.themegraph.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS settings' two other shapes than the integration tests' one origin: none (the
 * default) and {@code *}.
 */
class CrossOriginTests {

	private static MockHttpServletResponse preflight(CorsProperties properties, String origin) throws Exception {
		var request = new MockHttpServletRequest("OPTIONS", "/api/themes");
		request.addHeader("Origin", origin);
		request.addHeader("Access-Control-Request-Method", "GET");
		var response = new MockHttpServletResponse();
		CrossOrigin.filter(properties, JsonMapper.builder().build()).doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void byDefaultNoOriginIsAllowedAndNothingIsAdded() throws Exception {
		var properties = new CorsProperties(List.of());
		assertThat(properties.enabled()).isFalse();
		var response = preflight(properties, "https://dashboard.example");
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(new CorsProperties(List.of("")).enabled()).isFalse();
	}

	@Test
	void aStarAllowsEveryOriginWithoutCredentials() throws Exception {
		var response = preflight(new CorsProperties(List.of("*")), "https://anywhere.example");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void originsAreTrimmedAndOthersRefusedWithAProblem() throws Exception {
		var properties = new CorsProperties(List.of("https://a.example", " https://b.example"));
		assertThat(preflight(properties, "https://b.example").getHeader("Access-Control-Allow-Origin"))
			.isEqualTo("https://b.example");
		var refused = preflight(properties, "https://c.example");
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString())
			.contains("\"type\":\"https://themegraph.example/problems/cors-refused\"")
			.contains("\"instance\":\"/api/themes\"");
	}

}
