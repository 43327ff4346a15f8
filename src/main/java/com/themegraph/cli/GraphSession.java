package com.themegraph.cli;

import com.themegraph.ThemeGraphApplication;
import com.themegraph.store.InsufficientStorageException;
import com.themegraph.store.StoreState;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The service's beans without its web server, for one command: the same store (embedded
 * in {@code ./data} unless configured otherwise), schema and seed data as {@code bin/run}
 * uses.
 */
final class GraphSession implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private GraphSession(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static GraphSession open() {
		try {
			return new GraphSession(
					new SpringApplicationBuilder(ThemeGraphApplication.class).web(WebApplicationType.NONE)
						.bannerMode(Banner.Mode.OFF)
						.logStartupInfo(false)
						.properties("logging.level.root=WARN", "logging.level.com.themegraph=WARN")
						.run());
		}
		catch (RuntimeException ex) {
			if (StoreState.isFullDisk(ex)) {
				throw new InsufficientStorageException("cannot open the graph store: its disk is full ("
						+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
						+ "); free space and run the command again", null, ex);
			}
			throw new IllegalStateException("cannot open the graph store ("
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
					+ "); if the service is running on the same data directory, stop it or POST to its API instead",
					ex);
		}
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
