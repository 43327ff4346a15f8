package com.themegraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.themegraph.ingest.InvalidDocumentException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents named on a command line: files, and every {@code *.json} under folders,
 * read and ordered so entity files load before the reports that point at them.
 */
final class DocumentFiles {

	record Document(Path path, JsonNode json, String unreadable) {

		boolean isEntities() {
			return json != null && "entities".equals(json.path("kind").asString(""));
		}

	}

	private DocumentFiles() {
	}

	/**
	 * Runs {@code action} on each readable document under a progress bar, and returns one
	 * line per document that could not be read or that the action refused.
	 */
	static List<String> each(List<Document> documents, String task, Consumer<Document> action) {
		var failures = new ArrayList<String>();
		withProgress(task, documents.size(), progress -> {
			for (var document : documents) {
				progress.setExtraMessage(document.path().getFileName().toString());
				if (document.unreadable() != null) {
					failures.add(document.path() + ": " + document.unreadable());
				}
				else {
					try {
						action.accept(document);
					}
					catch (InvalidDocumentException ex) {
						failures.add(ex.getMessage());
					}
				}
				progress.step();
			}
			return null;
		});
		return failures;
	}

	/** Runs {@code work} with a progress bar of {@code total} steps on standard error. */
	static <T> T withProgress(String task, int total, Function<ProgressBar, T> work) {
		try (var progress = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUpdateIntervalMillis(250)
			.setConsumer(new ConsoleProgressBarConsumer(ThemeGraphCli.console()))
			.build()) {
			return work.apply(progress);
		}
	}

	static List<Document> read(List<Path> paths, JsonMapper json) {
		var files = new ArrayList<Path>();
		for (var path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> tree = Files.walk(path)) {
					tree.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
						// JSON Schemas sit beside the documents in seed-data/ and are not
						// documents.
						.filter(p -> !p.toString().endsWith(".schema.json"))
						.sorted()
						.forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			else {
				files.add(path);
			}
		}
		var documents = new ArrayList<Document>();
		for (var file : files) {
			if (!Files.isRegularFile(file)) {
				documents.add(new Document(file, null, "no such file"));
				continue;
			}
			try {
				documents.add(new Document(file, json.readTree(file.toFile()), null));
			}
			catch (JacksonException ex) {
				documents.add(new Document(file, null, "not valid JSON: " + ex.getOriginalMessage()));
			}
		}
		documents.sort(Comparator.comparing((Document d) -> !d.isEntities()));
		return documents;
	}

}
