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

	/**
	 * Tomcat passes encoded slashes on, and Spring Security's firewall refuses them,
	 * naming the character.
	 */
	@Test
	void anEncodedSlashOrBackslashInAPathIsA400ProblemNamingIt() {
		for (var escape : new String[] { "%2F", "%2f", "%5C", "%5c" }) {
			var response = raw("GET", "/api/themes/ai-video-tools" + escape + "stocks");
			assertProblem(response, 400, "rejected");
			assertThat(response.body().path("detail").asString()).contains("\"" + escape + "\"");
		}
		var backslash = raw("GET", "/api/themes/a\\b");
		assertProblem(backslash, 400, "bad-request");
		assertThat(backslash.body().path("detail").asString()).contains("a raw \\ or {");
		var badEscape = raw("GET", "/api/themes/%zz");
		assertThat(badEscape.body().path("detail").asString()).contains("The hexadecimal encoding is invalid");
	}

	/** The status in a problem's body is the one sent, also for a 5xx Tomcat answers. */
	@Test
	void anUnknownTransferCodingIsA501ProblemSaying501() {
		var response = rawRequest("GET /api/themes HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: zip\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 501").contains("\"status\":501");
	}

	private String rawRequest(String request) {
		try (var socket = new java.net.Socket("localhost", uri("/").getPort())) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aMethodAnEndpointDoesNotTakeIsA405Problem() {
		var response = send("PUT", "/api/themes", "application/json", "{}", "X-API-Key", TEST_API_KEY);
		assertProblem(response, 405, "method-not-allowed");
	}

	@Test
	void aBrowserAskingForHtmlStillGetsAProblem() {
		var response = send("GET", "/nope", null, null, "Accept", "text/html");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text()).doesNotContain("<html");
	}

}
