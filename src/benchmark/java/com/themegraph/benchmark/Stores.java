package com.themegraph.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.core.io.ClassPathResource;

/**
 * A bare embedded Neo4j for a baseline: configured as the service configures its own (Bolt on
 * loopback, the same page cache, the same schema), reached through the driver over Bolt as the
 * service's loader reaches its store.
 */
record Stores(DatabaseManagementService dbms, Driver driver, Path directory) implements AutoCloseable {

	/** No driver logging: formatting a message of 10,000 rows for a debug line costs the baseline time. */
	static final org.neo4j.driver.Config QUIET = org.neo4j.driver.Config.builder()
		.withLogging(org.neo4j.driver.Logging.none())
		.build();

	/**
	 * A new, empty store with the service's schema, reachable over Bolt.
	 * @param directory where it lives (deleted first)
	 * @param pageCache Neo4j's page cache, as the service's
	 * {@code themegraph.embedded.page-cache} takes it ({@code 256m}, {@code 4g})
	 */
	static Stores start(Path directory, String pageCache) {
		delete(directory);
		// As the service's store: see Neo4jJobThreads.
		com.themegraph.store.Neo4jJobThreads.requestPlatformThreads();
		var dbms = new DatabaseManagementServiceBuilder(directory.toAbsolutePath())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(pageCache))
			.build();
		var database = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		var driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt.getPort(), AuthTokens.none(), QUIET);
		try (var session = driver.session()) {
			for (var statement : schemaStatements()) {
				session.run(statement).consume();
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
		return new Stores(dbms, driver, directory);
	}

	/** cypher/schema.cypher as the service applies it: ;-terminated statements, // comments dropped. */
	static List<String> schemaStatements() {
		var script = read("cypher/schema.cypher");
		var withoutComments = script.lines()
			.filter(line -> !line.strip().startsWith("//"))
			.reduce("", (a, b) -> a + b + "\n");
		return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static String read(String classpathResource) {
		try (var in = new ClassPathResource(classpathResource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.close();
		dbms.shutdown();
	}

}
