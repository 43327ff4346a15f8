package com.themegraph.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process Neo4j that makes a fresh machine need nothing but a JDK. Bolt listens on
 * loopback by default because the embedded server runs without authentication.
 */
@ConfigurationProperties("themegraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data") Path dataDirectory, @DefaultValue("127.0.0.1") String boltAddress,
		@DefaultValue("7687") int boltPort, @DefaultValue("256m") String pageCache) {
}
