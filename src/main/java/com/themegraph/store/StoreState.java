package com.themegraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The embedded store's disk and whether the store still runs: for what must not write to
 * a full disk (ingest), what reports on it (the health probes) and what explains a
 * failure (error answers, the command line). With an external Neo4j there is nothing here
 * to watch: every answer is "fine", and the server's own failures reach the service as
 * connection errors.
 */
@Component
public class StoreState {

	private static final Logger log = LoggerFactory.getLogger(StoreState.class);

	/**
	 * How the JDK and Neo4j word a full disk: ENOSPC on Linux and macOS, ERROR_DISK_FULL
	 * on Windows, and Neo4j's own when it cannot allocate a file. They arrive as messages
	 * only (the driver carries no errno), so messages are what can be recognised.
	 */
	static final Set<String> FULL_DISK_MESSAGES = Set.of("No space left on device",
			"There is not enough space on the disk", "The database was unable to allocate enough disk space");

	/** A reading of the file system holding the data directory. */
	public record DiskSpace(Path directory, long usableBytes, long minimumBytes) {

		/** Below the minimum: writes are refused and readiness is DOWN. */
		public boolean low() {
			return usableBytes < minimumBytes;
		}

		/** For people: "39.9 MB free, below the 40.0 MB minimum". */
		public String summary() {
			return megabytes(usableBytes) + " free, " + (low() ? "below" : "at least") + " the "
					+ megabytes(minimumBytes) + " minimum";
		}

		/**
		 * Rounded down, so that free space just below a round minimum does not read as
		 * equal to it.
		 */
		static String megabytes(long bytes) {
			return String.format(Locale.ROOT, "%.1f MB", Math.floor(bytes / (1024.0 * 1024.0) * 10) / 10);
		}

	}

	private final EmbeddedNeo4jProperties embedded;

	private final StoreProperties store;

	private final ObjectProvider<EmbeddedNeo4jConfiguration.EmbeddedNeo4j> neo4j;

	StoreState(EmbeddedNeo4jProperties embedded, StoreProperties store,
			ObjectProvider<EmbeddedNeo4jConfiguration.EmbeddedNeo4j> neo4j) {
		this.embedded = embedded;
		this.store = store;
		this.neo4j = neo4j;
	}

	/**
	 * Usable space (what an unprivileged writer may still use) on the file system holding
	 * the embedded store's data directory, or on its nearest existing parent before the
	 * store is created. Empty with an external Neo4j.
	 * @throws UncheckedIOException when the file system cannot be asked
	 */
	public Optional<DiskSpace> diskSpace() {
		if (!embedded.enabled()) {
			return Optional.empty();
		}
		var directory = embedded.dataDirectory().toAbsolutePath().normalize();
		var existing = directory;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			long usable = Files.getFileStore(existing == null ? directory.getRoot() : existing).getUsableSpace();
			return Optional.of(new DiskSpace(directory, usable, store.minFreeSpace().toBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the free space of " + directory, ex);
		}
	}

	/**
	 * Returns when there is room to write; otherwise refuses before anything is written,
	 * which keeps the store healthy and readable.
	 * @throws InsufficientStorageException when the data directory's disk is below the
	 * minimum
	 */
	public void requireRoomToWrite() {
		var space = diskSpace().filter(DiskSpace::low);
		if (space.isPresent()) {
			log.warn("Write refused: the disk holding {} has {} (themegraph.store.min-free-space)",
					space.get().directory(), space.get().summary());
			throw new InsufficientStorageException("The disk holding the graph store has " + space.get().summary()
					+ " (themegraph.store.min-free-space): nothing was written. Reads still work; "
					+ "writes resume once space is freed.", space.get(), null);
		}
	}

	/**
	 * Why the embedded store stopped taking transactions, if it did: what Neo4j calls a
	 * panic, after which it refuses reads and writes alike until the process restarts.
	 * Empty while it runs, while it is not started or already shut down, and with an
	 * external Neo4j.
	 */
	public Optional<Throwable> panic() {
		if (!embedded.enabled()) {
			return Optional.empty();
		}
		try {
			var owner = neo4j.getIfAvailable();
			return owner == null ? Optional.empty() : owner.panic();
		}
		catch (RuntimeException shuttingDown) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a failure came from a full disk: its own causes say so, or the embedded
	 * store stopped because of one (the failure itself then often says no more than
	 * "critical error", or that a transaction was already closed).
	 */
	public boolean ranOutOfSpace(Throwable failure) {
		return isFullDisk(failure) || panic().map(StoreState::isFullDisk).orElse(false);
	}

	/** Whether a failure's own causes say the disk is full. */
	public static boolean isFullDisk(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			var message = cause.getMessage();
			if (message != null && FULL_DISK_MESSAGES.stream().anyMatch(message::contains)) {
				return true;
			}
		}
		return false;
	}

}
