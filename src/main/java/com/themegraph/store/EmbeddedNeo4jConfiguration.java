package com.themegraph.store;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/**
 * Starts Neo4j in this JVM and points Boot's driver at its Bolt connector, so the rest of
 * the service cannot tell an embedded store from a server. Switched off with
 * {@code themegraph.embedded.enabled=false}, when {@code spring.neo4j.*} names an
 * external Neo4j.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "themegraph.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/**
	 * Starts the store; closing the context shuts it down, waiting at most
	 * {@code themegraph.store.shutdown-timeout}.
	 */
	@Bean
	EmbeddedNeo4j embeddedNeo4jOwner(EmbeddedNeo4jProperties properties, StoreProperties store,
			EmbeddedNeo4jCredentials credentials) {
		boolean authenticated = credentials.password() != null;
		warnWhenReachableBeyondLoopback(properties.boltAddress(), authenticated);
		if (Neo4jJobThreads.requestPlatformThreads()) {
			log.warn("Neo4j's background jobs run on virtual threads ({}=true): on a machine with few cores a "
					+ "large load can stall (docs/benchmarks.md)", Neo4jJobThreads.TOGGLE);
		}
		log.info("Starting embedded Neo4j in {}", properties.dataDirectory().toAbsolutePath());
		var service = new DatabaseManagementServiceBuilder(properties.dataDirectory().toAbsolutePath())
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), properties.boltPort()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(properties.pageCache()))
			.setConfig(GraphDatabaseSettings.auth_enabled, authenticated)
			// Bolt answers WebSocket upgrades from any web origin (Neo4j has no setting
			// to check the Origin), so a page the user opens could reach it; it must
			// never be able to read this machine's files through LOAD CSV, whatever
			// credentials it has.
			.setConfig(GraphDatabaseSettings.allow_file_urls, false)
			// Neo4j Browser at /browser/ asks the store whether it may send usage data
			// from the researcher's web browser to Neo4j: it may not.
			.setConfig(ServerSettings.allow_telemetry, false)
			.build();
		if (authenticated) {
			setPassword(service, credentials.password());
		}
		return new EmbeddedNeo4j(service, store.shutdownTimeout());
	}

	/**
	 * The store itself, for the driver and the probes. Its owner above shuts it down,
	 * after everything that uses it (they depend on this bean, which depends on the
	 * owner).
	 */
	@Bean(destroyMethod = "")
	DatabaseManagementService embeddedNeo4j(EmbeddedNeo4j owner) {
		return owner.service();
	}

	/** What HTTP caching's entity tags are derived from (see {@link GraphVersion}). */
	@Bean
	GraphVersion embeddedGraphVersion(DatabaseManagementService embeddedNeo4j) {
		return new EmbeddedGraphVersion(embeddedNeo4j);
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
	 * Gives the {@code neo4j} user the password on every start, so the file (or the
	 * configured value) is always what the store accepts, and no password change is
	 * demanded at first login. In-process transactions need no login, so this works
	 * whatever the old password was.
	 */
	private static void setPassword(DatabaseManagementService store, String password) {
		try {
			store.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password));
		}
		catch (QueryExecutionException ex) {
			// Neo4j refuses to "change" a password to itself, which is what every restart
			// asks; it says so only in words (the status code is the generic
			// InvalidArguments).
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
		var token = credentials.password() == null ? AuthTokens.none()
				: AuthTokens.basic("neo4j", credentials.password());
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
	 * The in-process store, for the liveness probe: when it is down only restarting this
	 * process brings it back. That includes a store that has stopped after a critical
	 * error (Neo4j's "panic", such as a full disk during a commit), which still reports
	 * itself available. (Reachability over Bolt is Boot's {@code neo4j} indicator, in
	 * readiness.)
	 */
	@Bean
	HealthIndicator embeddedNeo4jHealthIndicator(DatabaseManagementService embeddedNeo4j, StoreState store) {
		return () -> {
			var database = embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			var panic = store.panic();
			Health.Builder health;
			if (panic.isPresent()) {
				health = Health.down()
					.withDetail("reason",
							StoreState.isFullDisk(panic.get())
									? "Neo4j stopped when its disk filled up; restart the service once space is freed"
									: "Neo4j stopped after a critical error and needs a restart")
					.withDetail("cause", String.valueOf(NestedExceptionUtils.getMostSpecificCause(panic.get())));
			}
			else if (!database.isAvailable(Duration.ofSeconds(1).toMillis())) {
				health = Health.down().withDetail("reason", "the database is not available");
			}
			else {
				health = Health.up();
			}
			return health.withDetail("database", database.databaseName()).withDetail("inProcess", true).build();
		};
	}

	/**
	 * For the readiness probe: the data directory's disk is below
	 * {@code themegraph.store.min-free-space}, so writes are refused. Boot's own
	 * {@code diskSpace} indicator watches a path too, but this one reads the very figure
	 * the write guard refuses on and says why in words.
	 */
	@Bean
	HealthIndicator storeDiskSpaceHealthIndicator(StoreState store) {
		return () -> store.diskSpace().map(space -> {
			var health = space.low() ? Health.down()
				.withDetail("reason", "the disk holding the graph store has " + space.summary()
						+ ": writes are refused until space is freed")
					: Health.up();
			return health.withDetail("path", space.directory().toString())
				.withDetail("free", space.usableBytes())
				.withDetail("minimum", space.minimumBytes())
				.build();
		}).orElseGet(() -> Health.unknown().build());
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
							+ "Bind it to 127.0.0.1 (themegraph.embedded.bolt-address) or use an external Neo4j. ***",
							address);
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

	/**
	 * Owns the in-process Neo4j so that closing waits for its shutdown only so long. On a
	 * full disk Neo4j's final flush of the page cache retries its write forever; SIGTERM
	 * would then never end the process, nor would a command-line load ever return.
	 */
	static final class EmbeddedNeo4j implements AutoCloseable {

		private final DatabaseManagementService service;

		private final Duration timeout;

		EmbeddedNeo4j(DatabaseManagementService service, Duration timeout) {
			this.service = service;
			this.timeout = timeout;
		}

		DatabaseManagementService service() {
			return service;
		}

		/**
		 * Why the store stopped taking transactions, if it did: what Neo4j calls a panic
		 * (a full disk during a commit, for one), after which it refuses reads and writes
		 * alike until the process restarts. Empty while it runs, and once it is shut
		 * down.
		 */
		Optional<Throwable> panic() {
			try {
				var database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
				var health = database.getDependencyResolver().resolveDependency(DatabaseHealth.class);
				return health.hasNoPanic() ? Optional.empty() : Optional.ofNullable(health.causeOfPanic());
			}
			catch (RuntimeException notRunning) {
				return Optional.empty();
			}
		}

		/**
		 * Shuts the store down, or gives up after the timeout and returns: a daemon
		 * thread keeps trying until the process exits, and the next start recovers the
		 * store from its transaction log, as after a crash (nothing acknowledged is lost:
		 * commits are on disk). A store that has panicked is not shut down at all: it can
		 * no longer checkpoint, so its shutdown would only retry flushing pages to the
		 * disk that failed it.
		 */
		@Override
		public void close() {
			var panic = panic();
			if (panic.isPresent()) {
				log.error(
						"Embedded Neo4j stopped after a critical error ({}); not shutting it down. "
								+ "The next start recovers the store from its transaction log.",
						panic.get().toString());
				return;
			}
			var shutdown = Thread.ofPlatform().daemon().name("embedded-neo4j-shutdown").start(() -> {
				try {
					service.shutdown();
				}
				catch (RuntimeException ex) {
					log.error("Embedded Neo4j failed to shut down cleanly; the next start recovers it", ex);
				}
			});
			try {
				if (!shutdown.join(timeout)) {
					log.error("Embedded Neo4j did not shut down within {} s (is its disk full?); leaving it. "
							+ "The next start recovers the store from its transaction log "
							+ "(themegraph.store.shutdown-timeout).", timeout.toSeconds());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
