package com.themegraph.store;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded Bolt connector as another local process, or a hostile web page, meets it:
 * it asks for the password (generated into the data directory, owner-only), refuses
 * logins without it over TCP and over a WebSocket from a foreign origin, and reads no
 * file through LOAD CSV even for the administrator.
 */
class BoltSecurityIT extends GraphIT {

	@Autowired
	Neo4jConnectionDetails connection;

	@Autowired
	EmbeddedNeo4jProperties properties;

	String password;

	@BeforeEach
	void readGeneratedPassword() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(com.themegraph.TestNeo4j.server(),
				"the embedded store's Bolt connector is tested here; a Neo4j server brings its own");
		var file = properties.dataDirectory().resolve(EmbeddedNeo4jPassword.FILE);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		password = Files.readString(file).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		waitUntilUnlocked();
	}

	/**
	 * Neo4j locks a user for 5 s after 3 wrong passwords in a row
	 * (dbms.security.auth_lock_time), which another test here provokes on purpose; a
	 * right login once the lock is over resets the count, so every test starts from none.
	 */
	void waitUntilUnlocked() {
		org.awaitility.Awaitility.await("user neo4j unlocked")
			.atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(500))
			.ignoreException(org.neo4j.driver.exceptions.SecurityException.class)
			.untilAsserted(() -> {
				try (var driver = GraphDatabase.driver(connection.getUri(), AuthTokens.basic("neo4j", password))) {
					driver.verifyConnectivity();
				}
			});
	}

	@Test
	void boltRefusesNoCredentialsAndAWrongPassword() {
		for (var token : new AuthToken[] { AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"),
				AuthTokens.basic("neo4j", password + "x") }) {
			try (var driver = GraphDatabase.driver(connection.getUri(), token)) {
				assertThatExceptionOfType(AuthenticationException.class).isThrownBy(driver::verifyConnectivity);
			}
		}
	}

	@Test
	void theServiceItselfUsesThePassword() {
		assertThat(connection.getAuthToken()).isEqualTo(AuthTokens.basic("neo4j", password));
		try (var driver = GraphDatabase.driver(connection.getUri(), AuthTokens.basic("neo4j", password));
				var session = driver.session()) {
			assertThat(session.run("MATCH (c:Company {definedBy: 'entity-facts'}) RETURN count(c) AS c")
				.single()
				.get("c")
				.asLong()).isEqualTo(25);
		}
	}

	@Test
	void aForeignWebPageCannotLogInOverAWebSocketWithoutThePassword() throws Exception {
		try (var page = BoltWebSocketClient.open(connection.getUri(), "http://attacker.example")) {
			assertThat(page.login(Map.of("scheme", "none"))).startsWith("FAILURE")
				.contains("Neo.ClientError.Security.Unauthorized");
		}
		try (var page = BoltWebSocketClient.open(connection.getUri(), "http://attacker.example")) {
			assertThat(page.login(Map.of("scheme", "basic", "principal", "neo4j", "credentials", "neo4j")))
				.startsWith("FAILURE");
		}
		// The same client with the password gets in, so the refusals above are the
		// password's doing.
		try (var page = BoltWebSocketClient.open(connection.getUri(), "http://attacker.example")) {
			assertThat(page.login(Map.of("scheme", "basic", "principal", "neo4j", "credentials", password)))
				.isEqualTo("SUCCESS");
		}
	}

	@Test
	void loadCsvReadsNoFileEvenWithThePassword() {
		try (var driver = GraphDatabase.driver(connection.getUri(), AuthTokens.basic("neo4j", password));
				var session = driver.session()) {
			assertThatExceptionOfType(ClientException.class)
				.isThrownBy(() -> session.run("LOAD CSV FROM 'file:///proc/self/environ' AS line RETURN line").list())
				.withMessageContaining("file");
		}
	}

}
