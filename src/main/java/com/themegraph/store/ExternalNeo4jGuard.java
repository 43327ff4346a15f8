package com.themegraph.store;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Refuses to start against an external Neo4j whose password is a well-known default: such
 * a server is open to anyone who can reach it, and the service would lend it an air of
 * being set up.
 */
@Component
@ConditionalOnProperty(name = "themegraph.embedded.enabled", havingValue = "false")
class ExternalNeo4jGuard {

	static final Set<String> KNOWN_DEFAULTS = Set.of("neo4j", "password", "changeme", "change-me", "admin", "secret",
			"test", "12345678", "neo4jneo4j", "letmein", "neo4j123");

	ExternalNeo4jGuard(@Value("${spring.neo4j.uri:}") String uri,
			@Value("${spring.neo4j.authentication.password:}") String password) {
		check(uri, password);
	}

	static void check(String uri, String password) {
		if (password != null && KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
			throw new IllegalStateException("Refusing to start: the Neo4j at " + uri
					+ " is configured with a well-known default password. Set NEO4J_PASSWORD to the server's own secret.");
		}
	}

}
