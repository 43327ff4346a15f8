package com.themegraph.store;

/**
 * Makes an embedded Neo4j run its background jobs (index sampling, index population, page
 * cache eviction helpers...) on platform threads instead of virtual threads.
 * <p>
 * Why: Neo4j 2026.08 runs those jobs on virtual threads, which share one carrier thread
 * per core. On this project's 2-core machine a bulk load stopped for good once the kept
 * rankings' indexes were large (docs/benchmarks.md, 2026-12-01): two index-sampling jobs
 * spun on both carriers, re-reading index pages the loader's commit was changing, while a
 * third sampling job, runnable but with no carrier left, held the page latch the commit
 * waited for. A platform thread holding a latch is always scheduled by the OS, so that
 * cycle cannot form. The switch is Neo4j's own feature toggle
 * ({@code org.neo4j.scheduler.Group.enableVirtualThreads}, read once when Neo4j's
 * scheduler classes load), which is why it is a system property and must be set before
 * the first {@code DatabaseManagementService} of the JVM is built.
 */
public final class Neo4jJobThreads {

	/**
	 * Neo4j's feature toggle:
	 * {@code FeatureToggles.flag(Group.class, "enableVirtualThreads", true)}.
	 */
	public static final String TOGGLE = "org.neo4j.scheduler.Group.enableVirtualThreads";

	private Neo4jJobThreads() {
	}

	/**
	 * Asks for platform threads, unless the JVM was started with {@value #TOGGLE} set
	 * (which then wins). Call before building the JVM's first embedded Neo4j.
	 * @return true when the JVM's own setting keeps Neo4j's jobs on virtual threads;
	 * false (platform threads) otherwise
	 */
	public static boolean requestPlatformThreads() {
		if (System.getProperty(TOGGLE) == null) {
			System.setProperty(TOGGLE, "false");
		}
		return Boolean.parseBoolean(System.getProperty(TOGGLE));
	}

}
