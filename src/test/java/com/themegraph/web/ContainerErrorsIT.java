package com.themegraph.web;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that Tomcat itself answers, or that reach its error page, are problem details
 * like all others: never Tomcat's HTML page nor Spring Boot's whitelabel page or error
 * map.
 */
class ContainerErrorsIT extends GraphIT {

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(status);
		assertThat(response.body().path("type").asString()).isEqualTo("https://themegraph.example/problems/" + type);
		assertThat(response.body().path("title").asString()).isNotBlank();
	}

	@Test
	void theErrorPageAskedForDirectlyIsNoResource() {
		for (var method : new String[] { "GET", "POST", "DELETE" }) {
			var response = send(method, "/error", null, null, "X-API-Key", TEST_API_KEY);
			assertProblem(response, 404, "not-found");
			assertThat(response.body().path("instance").asString()).isEqualTo("/error");
		}
	}

	@Test
	void traceIsRefusedWith405() {
		var response = raw("TRACE", "/api/themes");
		assertProblem(response, 405, "method-not-allowed");
		assertThat(response.body().path("detail").asString()).startsWith("This method is not allowed on /api/themes");
		assertThat(response.body().path("instance").asString()).isEqualTo("/api/themes");
	}

	/** Tomcat refuses a path with a bad escape before any filter or servlet sees it. */
	@Test
	void aPathTomcatCannotDecodeIsA400Problem() {
		assertProblem(raw("GET", "/api/%zz"), 400, "bad-request");
		assertProblem(raw("GET", "/api/themes/%"), 400, "bad-request");
	}

	@Test
	void aMethodAnEndpointDoesNotTakeIsA405Problem() {
		var response = send("PUT", "/api/themes", "application/json", "{}", "X-API-Key", TEST_API_KEY);
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aBrowserAskingForHtmlStillGetsAProblem() {
		var response = send("GET", "/nope", null, null, "Accept", "text/html");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text()).doesNotContain("<html");
	}

}
