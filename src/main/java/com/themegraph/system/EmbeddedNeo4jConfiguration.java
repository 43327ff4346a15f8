package com.themegraph.system;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j in this JVM and points Boot's driver at its Bolt connector, so the rest of the
 * service cannot tell an embedded store from a server. Switched off with
 * {@code themegraph.embedded.enabled=false}, when {@code spring.neo4j.*} names an external Neo4j.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "themegraph.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties, EmbeddedNeo4jCredentials credentials) {
		boolean authenticated = credentials.password() != null;
		warnWhenReachableBeyondLoopback(properties.boltAddress(), authenticated);
		log.info("Starting embedded Neo4j in {}", properties.dataDirectory().toAbsolutePath());
		var store = new DatabaseManagementServiceBuilder(properties.dataDirectory().toAbsolutePath())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), properties.boltPort()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(properties.pageCache()))
			.setConfig(GraphDatabaseSettings.auth_enabled, authenticated)
			// Bolt answers WebSocket upgrades from any web origin (Neo4j has no setting to check the
			// Origin), so a page the user opens could reach it; it must never be able to read this
			// machine's files through LOAD CSV, whatever credentials it has.
			.setConfig(GraphDatabaseSettings.allow_file_urls, false)
			// Neo4j Browser at /browser/ asks the store whether it may send usage data from the
			// researcher's web browser to Neo4j: it may not.
			.setConfig(ServerSettings.allow_telemetry, false)
			.build();
		if (authenticated) {
			setPassword(store, credentials.password());
		}
		return store;
	}

	@Bean
	EmbeddedNeo4jCredentials embeddedNeo4jCredentials(EmbeddedNeo4jProperties properties) {
		if (properties.boltAuth() == EmbeddedNeo4jProperties.BoltAuth.NONE) {
			log.warn("*** THEMEGRAPH_BOLT_AUTH=none: the embedded Neo4j asks for NO PASSWORD. Every process on this "
					+ "machine, and every web page opened in a browser on it (Bolt accepts WebSockets from any origin), "
					+ "can read, change and delete the graph. ***");
			return new EmbeddedNeo4jCredentials(null);
		}
		return new EmbeddedNeo4jCredentials(
				EmbeddedNeo4jPassword.resolve(properties.dataDirectory().toAbsolutePath(), properties.password()));
	}

	/**
	 * Gives the {@code neo4j} user the password on every start, so the file (or the configured
	 * value) is always what the store accepts, and no password change is demanded at first login.
	 * In-process transactions need no login, so this works whatever the old password was.
	 */
	private static void setPassword(DatabaseManagementService store, String password) {
		try {
			store.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password));
		}
		catch (QueryExecutionException ex) {
			// Neo4j refuses to "change" a password to itself, which is what every restart asks; it
			// says so only in words (the status code is the generic InvalidArguments).
			if (!String.valueOf(ex.getMessage()).contains("Old password and new password cannot be the same")) {
				throw ex;
			}
		}
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnection(DatabaseManagementService embeddedNeo4j,
			EmbeddedNeo4jCredentials credentials) {
		var database = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		var uri = URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
		log.info("Embedded Neo4j accepts Bolt (and Neo4j Browser over WebSocket) at {} ({})", uri,
				credentials.password() == null ? "no authentication" : "user neo4j and its password");
		var token = credentials.password() == null ? AuthTokens.none() : AuthTokens.basic("neo4j", credentials.password());
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return token;
			}
		};
	}

	/**
	 * The in-process store, for the liveness probe: when it is down only restarting this process
	 * brings it back. (Reachability over Bolt is Boot's {@code neo4j} indicator, in readiness.)
	 */
	@Bean
	HealthIndicator embeddedNeo4jHealthIndicator(DatabaseManagementService embeddedNeo4j) {
		return () -> {
			var database = embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			var health = database.isAvailable(Duration.ofSeconds(1).toMillis()) ? Health.up() : Health.down();
			return health.withDetail("database", database.databaseName()).withDetail("inProcess", true).build();
		};
	}

	static void warnWhenReachableBeyondLoopback(String address, boolean authenticated) {
		try {
			if (!InetAddress.getByName(address).isLoopbackAddress()) {
				if (authenticated) {
					log.warn("The embedded Neo4j's Bolt connector listens on {}, beyond this machine, without TLS: "
							+ "its password crosses the network in clear text.", address);
				}
				else {
					log.warn("*** The embedded Neo4j has NO AUTHENTICATION and its Bolt connector listens on {}: "
							+ "anyone who reaches this address can read and change the graph. "
							+ "Bind it to 127.0.0.1 (themegraph.embedded.bolt-address) or use an external Neo4j. ***", address);
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("themegraph.embedded.bolt-address is not a host: " + address, ex);
		}
	}

	/** The embedded store's password, or null when its authentication is off. */
	record EmbeddedNeo4jCredentials(String password) {

		@Override
		public String toString() {
			return password == null ? "no authentication" : "user neo4j, password withheld";
		}

	}

}
