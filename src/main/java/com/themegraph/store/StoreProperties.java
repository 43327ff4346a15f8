package com.themegraph.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the service treats the embedded store's disk (with an external Neo4j, the server
 * owns its disk and neither applies).
 *
 * @param minFreeSpace writes are refused (507) and readiness is DOWN while the file
 * system holding the data directory has less usable space than this, so that Neo4j never
 * meets a full disk in the middle of a commit or checkpoint (it then stops for good until
 * restarted). It must cover the largest write (a batch of the command-line load, tens of
 * MB) plus a checkpoint's flush of the page cache. {@code 0} switches the guard off.
 * @param shutdownTimeout how long closing the service waits for the embedded Neo4j to
 * shut down. On a full disk its final flush retries forever; after this the service
 * leaves it and exits, and the next start recovers the store from its transaction log as
 * after a crash.
 */
@ConfigurationProperties("themegraph.store")
public record StoreProperties(@DefaultValue("512MB") DataSize minFreeSpace,
		@DefaultValue("30s") Duration shutdownTimeout) {
}
