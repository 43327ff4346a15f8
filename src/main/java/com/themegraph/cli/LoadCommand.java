package com.themegraph.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.Callable;

import com.themegraph.ingest.IngestService;
import com.themegraph.ingest.InvalidDocumentException;
import com.themegraph.ingest.LoadResult;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
		description = "Loads report documents and entity files (files, or folders of *.json) into the graph: "
				+ "each report in one transaction, all of it or none. Exits 1 if any file is refused.")
class LoadCommand implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "report documents, entity files or folders")
	List<Path> paths;

	@Override
	public Integer call() {
		try (var session = GraphSession.open()) {
			var documents = DocumentFiles.read(paths, session.bean(JsonMapper.class));
			var loader = session.bean(IngestService.class);
			var outcomes = new EnumMap<LoadResult.Outcome, Integer>(LoadResult.Outcome.class);
			var refused = new java.util.ArrayList<String>();
			try (var progress = progressBar("Loading", documents.size())) {
				for (var document : documents) {
					progress.setExtraMessage(document.path().getFileName().toString());
					if (document.unreadable() != null) {
						refused.add(document.path() + ": " + document.unreadable());
					}
					else {
						try {
							var result = loader.load(document.json(), document.path().toString());
							outcomes.merge(result.outcome(), 1, Integer::sum);
						}
						catch (InvalidDocumentException ex) {
							refused.add(ex.getMessage());
						}
					}
					progress.step();
				}
			}
			refused.forEach(line -> System.err.println("refused: " + line));
			System.out.printf("%d entity files merged; reports: %d new, %d unchanged, %d updated, %d refused%n",
					outcomes.getOrDefault(LoadResult.Outcome.MERGED, 0), outcomes.getOrDefault(LoadResult.Outcome.NEW, 0),
					outcomes.getOrDefault(LoadResult.Outcome.UNCHANGED, 0),
					outcomes.getOrDefault(LoadResult.Outcome.UPDATED, 0), refused.size());
			return refused.isEmpty() ? 0 : 1;
		}
	}

	static ProgressBar progressBar(String task, int total) {
		return new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUpdateIntervalMillis(250)
			.setConsumer(new ConsoleProgressBarConsumer(System.err))
			.build();
	}

}
