package com.themegraph.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.themegraph.ThemeGraphApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against an external Neo4j that goes away and comes back. The "server" is a
 * second Neo4j in this JVM with its own store and Bolt port, since no Docker engine runs
 * here; to the service it is just a Bolt URI. This needs a context of its own (embedded
 * store off), so it does not share GraphIT's.
 */
class ExternalNeo4jIT {

	@TempDir
	Path serverStore;

	DatabaseManagementService server;

	ConfigurableApplicationContext service;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		if (service != null) {
			service.close();
		}
		if (server != null) {
			server.shutdown();
		}
	}

	DatabaseManagementService startServer(int port) {
		return new DatabaseManagementServiceBuilder(serverStore).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
			.build();
	}

	ConfigurableApplicationContext startService(int boltPort, String... extra) {
		var args = new java.util.ArrayList<>(java.util.List.of("--themegraph.embedded.enabled=false",
				"--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort, "--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=", "--spring.neo4j.pool.connection-acquisition-timeout=3s",
				"--spring.neo4j.connection-timeout=2s", "--server.port=0",
				"--themegraph.security.api-key=store-failure-key"));
		args.addAll(java.util.List.of(extra));
		// Arguments, not default properties: they must win over application.properties.
		return new SpringApplicationBuilder(ThemeGraphApplication.class).run(args.toArray(String[]::new));
	}

	/**
	 * Reads closed by configuration: the key opens them, Neo4j Browser's page and the web
	 * page too; health and API docs stay open.
	 */
	@Test
	void readsCanBeClosedByConfiguration() throws Exception {
		int boltPort = freePort();
		server = startServer(boltPort);
		service = startService(boltPort, "--themegraph.security.reads-open=false");
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		var closed = get(port, "/api/themes");
		assertThat(closed.statusCode()).isEqualTo(401);
		assertThat(closed.body()).contains("Credentials required");
		var withKey = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/themes"))
			.header("X-API-Key", "store-failure-key")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withKey.statusCode()).isEqualTo(200);
		assertThat(withKey.body()).contains("ai-video-tools");
		// A Neo4j server offers no exact graph version: no tags, and answers stay
		// uncached.
		assertThat(withKey.headers().firstValue("ETag")).isEmpty();
		assertThat(withKey.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		// HEAD, OPTIONS and the metrics are reads like GET: closed too, open with the
		// key.
		for (var method : java.util.List.of("HEAD", "OPTIONS")) {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/themes"))
				.method(method, HttpRequest.BodyPublishers.noBody());
			assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as(method)
				.isEqualTo(401);
			assertThat(http
				.send(request.header("X-API-Key", "store-failure-key").build(), HttpResponse.BodyHandlers.discarding())
				.statusCode()).as(method).isEqualTo(200);
		}
		assertThat(status(port, "/actuator/prometheus")).isEqualTo(401);
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("X-API-Key", "store-failure-key")
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
		assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(port, "/v3/api-docs")).isEqualTo(200);
		assertThat(status(port, "/browser/")).isEqualTo(401);
		var browserWithKey = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/browser/"))
			.header("X-API-Key", "store-failure-key")
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(browserWithKey.statusCode()).isEqualTo(302);
		// The analyst's web page, its scripts and library, and the schemas it serves are
		// reads like any other.
		for (var path : new String[] { "/", "/index.html", "/app/app.js",
				"/webjars/vis-network/9.1.2/standalone/umd/vis-network.min.js", "/schema/report.schema.json" }) {
			assertThat(status(port, path)).as(path).isEqualTo(401);
		}
		var pageWithKey = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.header("X-API-Key", "store-failure-key")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(pageWithKey.statusCode()).isEqualTo(200);
		assertThat(pageWithKey.body()).contains("<title>ThemeGraph</title>");
	}

	@Test
	void requestsGet503AndHealthGoesDownWhileTheStoreIsAwayThenBothRecover() throws Exception {
		int boltPort = freePort();
		server = startServer(boltPort);
		service = startService(boltPort);
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();

		assertThat(status(port, "/api/themes")).isEqualTo(200);
		assertThat(status(port, "/actuator/health")).isEqualTo(200);

		server.shutdown();
		server = null;
		var down = get(port, "/api/technologies/sora/stocks");
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(down.body()).contains("Graph store unavailable");
		var health = get(port, "/actuator/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
		assertThat(health.body()).contains("\"DOWN\"");

		server = startServer(boltPort);
		org.awaitility.Awaitility.await("the service answering again once the store is back")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> status(port, "/api/themes") == 200);
		assertThat(get(port, "/api/technologies/sora/stocks").body()).contains("300624.SZ");
		assertThat(status(port, "/actuator/health")).isEqualTo(200);
	}

	HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	int status(int port, String path) throws IOException, InterruptedException {
		return get(port, path).statusCode();
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
