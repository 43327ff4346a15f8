package com.themegraph.browser;

import java.util.regex.Pattern;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neo4j Browser as HTTP serves it: the preset redirect, the page, its bundles and their
 * caching.
 */
class BrowserIT extends GraphIT {

	@Autowired
	Neo4jConnectionDetails neo4jConnection;

	@Test
	void browserRedirectsToItselfWithTheGraphsBoltAddressAndAsksForThePassword() {
		var expected = uri("/browser/") + "?connectURL=" + boltWithUser() + "&preselectAuthMethod=" + authMethod();
		for (var path : new String[] { "/browser", "/browser/", "/browser/index.html" }) {
			var response = send("GET", path, null, null);
			assertThat(response.status()).as(path).isEqualTo(302);
			assertThat(location(path)).as(path).isEqualTo(expected);
		}
		assertThat(neo4jConnection.getUri().toString()).matches("bolt://127\\.0\\.0\\.1:\\d+");
	}

	@Test
	void redirectKeepsTheBrowsersOwnParameters() {
		assertThat(location("/browser/?cmd=play&arg=start")).endsWith(
				"/browser/?cmd=play&arg=start&connectURL=" + boltWithUser() + "&preselectAuthMethod=" + authMethod());
	}

	/**
	 * The embedded store asks for a password: the Browser's form gets the user, never the
	 * password.
	 */
	private String boltWithUser() {
		return noAuthentication() ? neo4jConnection.getUri().toString()
				: neo4jConnection.getUri().toString().replace("bolt://", "bolt://neo4j@");
	}

	/**
	 * The test server image (-Dthemegraph.test.neo4j=server) runs without authentication.
	 */
	private boolean noAuthentication() {
		return org.neo4j.driver.AuthTokens.none().equals(neo4jConnection.getAuthToken());
	}

	private String authMethod() {
		return noAuthentication() ? "NO_AUTH" : "NATIVE";
	}

	@Test
	void pageIsNeverCachedAndEveryScriptItNamesIsServedAndCachedForAWeek() {
		var page = get("/browser/?connectURL=bolt://127.0.0.1:7687");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.text()).contains("<title>Neo4j Browser</title>");
		assertThat(header("/browser/?connectURL=bolt://127.0.0.1:7687", "Cache-Control")).isEqualTo("no-cache");

		var scripts = Pattern.compile("<script src=\"([^\"]+)\"")
			.matcher(page.text())
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(scripts).hasSize(4);
		for (var script : scripts) {
			var response = get("/browser/" + script);
			assertThat(response.status()).as(script).isEqualTo(200);
			assertThat(response.contentType()).as(script).contains("javascript");
			assertThat(response.text()).as(script).hasSizeGreaterThan(100_000);
			assertThat(header("/browser/" + script, "Cache-Control")).isEqualTo("max-age=604800, public");
		}
	}

	@Test
	void unknownBrowserFileAnswers404Problem() {
		var response = get("/browser/no-such-bundle.js");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(404);
	}

	private String location(String path) {
		return header(path, "Location");
	}

	private String header(String path, String name) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(uri(path)).GET().build(),
						java.net.http.HttpResponse.BodyHandlers.discarding());
			return response.headers().firstValue(name).orElse(null);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
