package com.themegraph.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.Callable;

import com.themegraph.ingest.IngestService;
import com.themegraph.ingest.LoadResult;
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
			var refused = DocumentFiles.each(documents, "Loading", document -> outcomes
				.merge(loader.load(document.json(), document.path().toString()).outcome(), 1, Integer::sum));
			refused.forEach(line -> System.err.println("refused: " + line));
			System.out.printf("%d entity files merged; reports: %d new, %d unchanged, %d updated, %d refused%n",
					outcomes.getOrDefault(LoadResult.Outcome.MERGED, 0), outcomes.getOrDefault(LoadResult.Outcome.NEW, 0),
					outcomes.getOrDefault(LoadResult.Outcome.UNCHANGED, 0),
					outcomes.getOrDefault(LoadResult.Outcome.UPDATED, 0), refused.size());
			return refused.isEmpty() ? 0 : 1;
		}
	}

}
