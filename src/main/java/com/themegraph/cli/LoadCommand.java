package com.themegraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import com.themegraph.ingest.BulkLoader;
import com.themegraph.ingest.InvalidDocumentException;
import com.themegraph.ingest.LoadResult.Outcome;
import com.themegraph.store.InsufficientStorageException;
import com.themegraph.store.StoreState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "load", mixinStandardHelpOptions = true,
		description = "Loads report documents and entity files (files, or folders of *.json) into the graph: "
				+ "each report all of it or none, many reports per transaction. Exits 1 if any file is refused, "
				+ "3 if the store's disk is full (what was loaded before is kept).")
class LoadCommand implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "report documents, entity files or folders")
	List<Path> paths;

	@Override
	public Integer call() {
		try (var session = GraphSession.open()) {
			var documents = DocumentFiles.read(paths, session.bean(JsonMapper.class));
			var refused = new ArrayList<String>();
			var inputs = new ArrayList<BulkLoader.Input>();
			for (var document : documents) {
				if (document.unreadable() != null) {
					refused.add(document.path() + ": " + document.unreadable());
				}
				else {
					inputs.add(new BulkLoader.Input(document.path().toString(), document::json));
				}
			}
			// The bulk loader, as the benchmark measures it: a command-line load is where
			// years of reports arrive at once, and it refuses exactly what one-by-one
			// loading would.
			var processed = new AtomicInteger();
			BulkLoader.Summary summary;
			try {
				summary = DocumentFiles.withProgress("Loading", inputs.size(),
						progress -> session.bean(BulkLoader.class).load(inputs, done -> {
							processed.set(done.documents());
							progress.stepTo(done.documents());
						}));
			}
			catch (RuntimeException ex) {
				throw fullDisk(ex, session.bean(StoreState.class), processed.get(), inputs.size())
					.orElseThrow(() -> ex);
			}
			summary.refused().stream().map(InvalidDocumentException::getMessage).forEach(refused::add);
			refused.forEach(line -> ThemeGraphCli.console().println("refused: " + line));
			System.out.printf("%d entity files merged; reports: %d new, %d unchanged, %d updated, %d refused%n",
					summary.count(Outcome.MERGED), summary.count(Outcome.NEW), summary.count(Outcome.UNCHANGED),
					summary.count(Outcome.UPDATED), refused.size());
			return refused.isEmpty() ? 0 : 1;
		}
	}

	/**
	 * A failure that a full disk explains, as the one line the user reads: what happened,
	 * what is kept and what to do. Empty for any other failure.
	 */
	static Optional<InsufficientStorageException> fullDisk(RuntimeException failure, StoreState store, int processed,
			int total) {
		var refusal = failure instanceof InsufficientStorageException refused ? refused.space() : null;
		if (refusal == null && !store.ranOutOfSpace(failure)) {
			return Optional.empty();
		}
		var where = store.diskSpace().map(space -> space.directory().toString()).orElse("the data directory");
		var what = refusal != null
				? "the disk holding " + where + " has " + refusal.summary()
						+ " (THEMEGRAPH_MIN_FREE_SPACE), so loading stopped before writing more"
				: "the disk holding " + where + " filled up during the load and the store stopped";
		return Optional.of(new InsufficientStorageException(what + "; the first " + processed + " of " + total
				+ " files were done before it stopped, and what they loaded is kept. Free space, then run load again: "
				+ "what is loaded is skipped as unchanged.", refusal, failure));
	}

}
