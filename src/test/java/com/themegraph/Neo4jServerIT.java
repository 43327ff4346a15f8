package com.themegraph;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on the official Neo4j server image, with a password, as docker-compose.yml
 * runs it: schema, seed data, API, health and Neo4j Browser's preset all work without the
 * embedded store. Its own context (embedded off, a server with authentication), so a
 * second Spring context on purpose. Skipped where no Docker engine runs, and when the
 * whole suite already runs against a server ({@code -Dthemegraph.test.neo4j=server}).
 */
@Testcontainers(disabledWithoutDocker = true)
@DisabledIfSystemProperty(named = "themegraph.test.neo4j", matches = "server")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "themegraph.embedded.enabled=false")
class Neo4jServerIT extends GraphIT {

	@Container
	@ServiceConnection
	static final Neo4jContainer neo4j = new Neo4jContainer(TestNeo4j.IMAGE);

	@Test
	void seedDataLoadsIntoTheServerAndTheApiAnswersAsOnTheEmbeddedStore() {
		assertThat(count("MATCH (c:Company {definedBy: 'entity-facts'}) RETURN count(c)")).isEqualTo(25);
		var sora = get("/api/technologies/sora/stocks");
		assertThat(sora.status()).isEqualTo(200);
		assertThat(sora.body().path("total").asInt()).isEqualTo(25);
		var top = new ArrayList<String>();
		sora.body().path("items").forEach(item -> top.add(item.path("code").asString()));
		assertThat(top.subList(0, 5)).containsExactlyInAnyOrderElementsOf(ApiIT.AI_VIDEO_TOOLS);
	}

	@Test
	void readinessReportsTheServerAndLivenessDoesNotDependOnIt() {
		var readiness = send("GET", "/actuator/health/readiness", null, null, "X-API-Key", TEST_API_KEY);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body().path("components").path("neo4j").path("details").path("edition").asString())
			.isEqualTo("community");
		var liveness = send("GET", "/actuator/health/liveness", null, null, "X-API-Key", TEST_API_KEY).body()
			.path("components");
		assertThat(liveness.has("livenessState")).isTrue();
		assertThat(liveness.has("embeddedNeo4j")).isFalse();
	}

	@Test
	void neo4jBrowserIsPresetToTheServerWithItsUserAndAPasswordPrompt() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(uri("/browser")).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
		var bolt = java.net.URI.create(neo4j.getBoltUrl());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.endsWith("?connectURL=bolt://neo4j@" + bolt.getAuthority() + "&preselectAuthMethod=NATIVE");
	}

}
