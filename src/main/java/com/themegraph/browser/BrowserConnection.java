package com.themegraph.browser;

import java.net.URI;

import org.neo4j.driver.AuthTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * Where Neo4j Browser, running in the user's web browser, finds the graph. By default
 * that is the address the service itself uses (the embedded Bolt connector, or
 * {@code NEO4J_URI}); when the service reaches Neo4j by a name the user's machine cannot
 * resolve (a container name in docker compose), {@code THEMEGRAPH_BROWSER_CONNECT_URL}
 * gives the address as the user sees it.
 */
@Component
class BrowserConnection {

	private final Neo4jConnectionDetails neo4j;

	private final String override;

	private final String username;

	BrowserConnection(Neo4jConnectionDetails neo4j, @Value("${themegraph.browser.connect-url:}") String override,
			@Value("${spring.neo4j.authentication.username:neo4j}") String username) {
		this.neo4j = neo4j;
		this.override = override;
		this.username = username;
	}

	boolean authenticationOff() {
		return AuthTokens.none().equals(neo4j.getAuthToken());
	}

	/** Neo4j Browser's URL parameters: its connect form filled in, never a password. */
	MultiValueMap<String, String> browserParameters() {
		URI bolt = StringUtils.hasText(override) ? URI.create(override) : neo4j.getUri();
		var params = new LinkedMultiValueMap<String, String>();
		if (authenticationOff()) {
			params.add("connectURL", bolt.toString());
			params.add("preselectAuthMethod", "NO_AUTH");
		}
		else {
			params.add("connectURL", bolt.getScheme() + "://" + username + "@" + bolt.getAuthority());
			params.add("preselectAuthMethod", "NATIVE");
		}
		return params;
	}

}
