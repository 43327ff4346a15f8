package com.themegraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.themegraph.ingest.BulkLoader;
import com.themegraph.ingest.InvalidDocumentException;
import com.themegraph.ingest.LoadResult.Outcome;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
		description = "Loads report documents and entity files (files, or folders of *.json) into the graph: "
				+ "each report all of it or none, many reports per transaction. Exits 1 if any file is refused.")
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
			// The bulk loader, as the benchmark measures it: a command-line load is where years of
			// reports arrive at once, and it refuses exactly what one-by-one loading would.
			var summary = DocumentFiles.withProgress("Loading", inputs.size(),
					progress -> session.bean(BulkLoader.class).load(inputs, done -> progress.stepTo(done.documents())));
			summary.refused().stream().map(InvalidDocumentException::getMessage).forEach(refused::add);
			refused.forEach(line -> System.err.println("refused: " + line));
			System.out.printf("%d entity files merged; reports: %d new, %d unchanged, %d updated, %d refused%n",
					summary.count(Outcome.MERGED), summary.count(Outcome.NEW), summary.count(Outcome.UNCHANGED),
					summary.count(Outcome.UPDATED), refused.size());
			return refused.isEmpty() ? 0 : 1;
		}
	}

}
