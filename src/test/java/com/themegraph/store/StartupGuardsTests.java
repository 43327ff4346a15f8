package com.themegraph.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

@ExtendWith(OutputCaptureExtension.class)
class StartupGuardsTests {

	@ParameterizedTest
	@ValueSource(strings = { "neo4j", "password", "Password", "changeme", "neo4jneo4j" })
	void refusesAnExternalNeo4jWithAWellKnownPassword(String password) {
		assertThatIllegalStateException().isThrownBy(() -> ExternalNeo4jGuard.check("neo4j+s://db.example", password))
			.withMessageContaining("well-known default password")
			.withMessageContaining("neo4j+s://db.example");
	}

	@Test
	void acceptsAnyOtherPassword() {
		assertThatNoException().isThrownBy(() -> ExternalNeo4jGuard.check("bolt://db:7687", "vX9-correct-horse"));
	}

	@Test
	void warnsLoudlyWhenTheUnauthenticatedBoltConnectorIsReachableBeyondLoopback(CapturedOutput output) {
		EmbeddedNeo4jConfiguration.warnWhenReachableBeyondLoopback("0.0.0.0", false);
		assertThat(output).contains("NO AUTHENTICATION").contains("0.0.0.0");
	}

	@Test
	void warnsThatAPasswordCrossesTheNetworkInClearWhenBoltIsReachableBeyondLoopback(CapturedOutput output) {
		EmbeddedNeo4jConfiguration.warnWhenReachableBeyondLoopback("0.0.0.0", true);
		assertThat(output).contains("in clear text").doesNotContain("NO AUTHENTICATION");
	}

	@Test
	void staysQuietOnLoopback(CapturedOutput output) {
		EmbeddedNeo4jConfiguration.warnWhenReachableBeyondLoopback("127.0.0.1", false);
		EmbeddedNeo4jConfiguration.warnWhenReachableBeyondLoopback("localhost", false);
		assertThat(output).doesNotContain("NO AUTHENTICATION");
	}

	@Test
	void theEmbeddedBoltConnectorDefaultsToLoopbackAndTheWriterKeyHasNoDefault() throws Exception {
		var properties = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		assertThat(properties.getProperty("themegraph.embedded.bolt-address"))
			.isEqualTo("${THEMEGRAPH_BOLT_ADDRESS:127.0.0.1}");
		assertThat(properties.getProperty("themegraph.security.api-key")).isEqualTo("${THEMEGRAPH_API_KEY:}");
		assertThat(properties.getProperty("spring.neo4j.authentication.password")).isEqualTo("${NEO4J_PASSWORD:}");
		assertThat(properties.getProperty("themegraph.embedded.bolt-auth")).isEqualTo("${THEMEGRAPH_BOLT_AUTH:native}");
		assertThat(properties.getProperty("server.address")).isEqualTo("${THEMEGRAPH_HTTP_ADDRESS:127.0.0.1}");
	}

}
