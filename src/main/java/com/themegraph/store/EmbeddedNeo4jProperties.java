package com.themegraph.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process Neo4j that makes a fresh machine need nothing but a JDK. Its Bolt
 * connector listens on loopback by default and asks for Neo4j's native authentication
 * (user {@code neo4j}, the password from {@code password} or generated, see
 * {@link EmbeddedNeo4jPassword}); {@code boltAuth=none} turns authentication off, for
 * those who accept that every local process and every web page the user opens may then
 * write the graph.
 */
@ConfigurationProperties("themegraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDirectory,
		@DefaultValue("127.0.0.1") String boltAddress, @DefaultValue("7687") int boltPort,
		@DefaultValue("256m") String pageCache, @DefaultValue("native") BoltAuth boltAuth, String password) {

	/** Whether the embedded Bolt connector asks for credentials. */
	public enum BoltAuth {

		/**
		 * Neo4j's native users: {@code neo4j} with the configured or generated password.
		 */
		NATIVE,
		/**
		 * No authentication: anyone who reaches the connector is an administrator of the
		 * graph.
		 */
		NONE

	}

}
