package com.themegraph.system;

import java.util.ArrayList;
import java.util.List;

import com.themegraph.GraphIT;
import com.themegraph.TestNeo4j;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The probes an orchestrator or load balancer polls, with Neo4j's state in them. */
class HealthIT extends GraphIT {

	@Test
	void healthIsUpWithNeo4jsVersionEditionAndDatabase() {
		var health = get("/actuator/health");
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
		var readiness = get("/actuator/health/readiness");
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
		var liveness = get("/actuator/health/liveness");
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

	private static List<String> names(JsonNode object) {
		var names = new ArrayList<String>(object.propertyNames());
		java.util.Collections.sort(names);
		return names;
	}

}
