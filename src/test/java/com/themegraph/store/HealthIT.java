package com.themegraph.store;

import java.util.ArrayList;
import java.util.List;

import com.themegraph.GraphIT;
import com.themegraph.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes an orchestrator or load balancer polls, with Neo4j's state in them for the
 * writer only: anyone may learn whether the service is up, not its data paths, versions
 * or errors.
 */
class HealthIT extends GraphIT {

	private Response withKey(String path) {
		return send("GET", path, null, null, "X-API-Key", TEST_API_KEY);
	}

	@Test
	void healthIsUpWithNeo4jsVersionEditionAndDatabase() {
		var health = withKey("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asString()).isEqualTo("UP");
		var neo4j = health.body().path("components").path("neo4j");
		assertThat(neo4j.path("status").asString()).isEqualTo("UP");
		assertThat(neo4j.path("details").path("edition").asString()).isEqualTo("community");
		assertThat(neo4j.path("details").path("database").asString()).isEqualTo("neo4j");
		assertThat(neo4j.path("details").path("server").asString()).startsWith("2026.08.1@");
	}

	@Test
	void readinessIsNeo4jReachableTheServiceReadyAndRoomOnTheStoresDisk() {
		var readiness = withKey("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.body().path("components").path("neo4j").path("details").path("edition").asString())
			.isEqualTo("community");
		if (TestNeo4j.server()) {
			assertThat(names(readiness.body().path("components"))).containsExactly("neo4j", "readinessState");
			return;
		}
		assertThat(names(readiness.body().path("components"))).containsExactly("neo4j", "readinessState",
				"storeDiskSpace");
		var disk = readiness.body().path("components").path("storeDiskSpace");
		assertThat(disk.path("status").asString()).isEqualTo("UP");
		assertThat(disk.path("details").path("minimum").asLong()).as("512MB by default").isEqualTo(512L << 20);
		assertThat(disk.path("details").path("free").asLong()).isGreaterThan(512L << 20);
		assertThat(disk.path("details").path("path").asString()).contains("target/test-neo4j/");
		assertThat(disk.path("details").has("reason")).isFalse();
	}

	@Test
	void livenessIsThisProcessAndItsInProcessStoreOnly() {
		var liveness = withKey("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.body().path("status").asString()).isEqualTo("UP");
		if (TestNeo4j.server()) {
			assertThat(names(liveness.body().path("components"))).containsExactly("livenessState");
			return;
		}
		assertThat(names(liveness.body().path("components"))).containsExactly("embeddedNeo4j", "livenessState");
		var store = liveness.body().path("components").path("embeddedNeo4j");
		assertThat(store.path("status").asString()).isEqualTo("UP");
		assertThat(store.path("details").path("database").asString()).isEqualTo("neo4j");
		assertThat(store.path("details").path("inProcess").asBoolean()).isTrue();
	}

	/**
	 * Without the key (or with a wrong one): the status alone, which is all a probe
	 * needs.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void anonymousCallersGetTheStatusAndNothingElse(String path) {
		for (var response : List.of(get(path), send("GET", path, null, null, "X-API-Key", "wrong"))) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body().path("status").asString()).isEqualTo("UP");
			assertThat(response.body().has("components")).isFalse();
			assertThat(response.body().has("details")).isFalse();
			assertThat(response.text()).doesNotContain("neo4j").doesNotContain("2026.08").doesNotContain("disk");
		}
	}

	@Test
	void httpBasicAsTheWriterSeesTheDetailsToo() {
		var basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(("writer:" + TEST_API_KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var health = send("GET", "/actuator/health", null, null, "Authorization", basic);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("components").has("neo4j")).isTrue();
	}

	private static List<String> names(JsonNode object) {
		var names = new ArrayList<String>(object.propertyNames());
		java.util.Collections.sort(names);
		return names;
	}

}
