package com.themegraph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * What every Neo4j test runs against. By default the embedded Neo4j of the service
 * itself; with {@code bin/test -Dthemegraph.test.neo4j=server} (the {@code neo4j-server}
 * Maven profile, which also switches the embedded store off) the official Neo4j server
 * image, started once per test JVM by Testcontainers and wired in by
 * {@code @ServiceConnection}. Needs a Docker engine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestNeo4j {

	/** The official image, the same Neo4j version as the embedded one. */
	public static final String IMAGE = System.getProperty("themegraph.test.neo4j-image", "neo4j:2026.08.1-community");

	public static boolean server() {
		return "server".equals(System.getProperty("themegraph.test.neo4j"));
	}

	/**
	 * No authentication: the tests reach the server only through the service's own
	 * connection. (The embedded store's password is tested by BoltSecurityIT, which a
	 * server skips.)
	 */
	@Bean
	@ServiceConnection
	@ConditionalOnProperty(name = "themegraph.test.neo4j", havingValue = "server")
	Neo4jContainer neo4jServer() {
		return new Neo4jContainer(IMAGE).withoutAuthentication();
	}

	@Bean
	static SessionAccessModes sessionAccessModes() {
		return new SessionAccessModes();
	}

	/**
	 * Records the access mode of every driver session the service opens, so a test can
	 * show that reads ask for READ sessions, which a cluster or Aura routes to its
	 * readers; and the timeout of every transaction begun in them (zero for none), which
	 * Neo4j enforces.
	 */
	public static class SessionAccessModes implements BeanPostProcessor {

		private final List<AccessMode> modes = new CopyOnWriteArrayList<>();

		private final List<Duration> timeouts = new CopyOnWriteArrayList<>();

		public void clear() {
			modes.clear();
			timeouts.clear();
		}

		public List<AccessMode> modes() {
			return List.copyOf(modes);
		}

		public List<Duration> transactionTimeouts() {
			return List.copyOf(timeouts);
		}

		private Session recording(Session session) {
			return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
					(proxy, method, args) -> {
						if (method.getName().equals("beginTransaction")) {
							var config = args == null ? null
									: java.util.Arrays.stream(args)
										.filter(TransactionConfig.class::isInstance)
										.findFirst()
										.orElse(null);
							timeouts.add(config == null || ((TransactionConfig) config).timeout() == null
									? Duration.ZERO : ((TransactionConfig) config).timeout());
						}
						try {
							return method.invoke(session, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof Driver driver)) {
				return bean;
			}
			return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
					(proxy, method, args) -> {
						if (method.getName().equals("session")) {
							var config = args == null ? null
									: java.util.Arrays.stream(args)
										.filter(SessionConfig.class::isInstance)
										.findFirst()
										.orElse(null);
							modes.add(config == null ? AccessMode.WRITE : ((SessionConfig) config).defaultAccessMode());
						}
						try {
							var result = method.invoke(driver, args);
							return result instanceof Session session ? recording(session) : result;
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
