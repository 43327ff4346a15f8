package com.themegraph.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rows the service's loader writes for the whole corpus, one JSON object a line, so the
 * baselines write exactly the same nodes and relationships without holding them all in memory.
 * Nodes are written once each: a node several documents define (a theme, a broker) is combined
 * as merging them in order would leave it.
 */
final class RowsFile {

	static final String NODES = "nodes.jsonl";

	static final String RELATIONSHIPS = "relationships.jsonl";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BufferedWriter nodes;

	private final BufferedWriter relationships;

	private final Map<String, LinkedHashSet<String>> sharedLabels = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> sharedProps = new LinkedHashMap<>();

	long nodeCount;

	long relationshipCount;

	RowsFile(Path directory) throws IOException {
		Files.createDirectories(directory);
		nodes = Files.newBufferedWriter(directory.resolve(NODES), StandardCharsets.UTF_8);
		relationships = Files.newBufferedWriter(directory.resolve(RELATIONSHIPS), StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	void add(List<Map<String, Object>> nodeRows, List<Map<String, Object>> relationshipRows) throws IOException {
		for (var row : nodeRows) {
			var labels = (List<String>) row.get("labels");
			if (labels.contains("Report")) {
				// A report's node comes from that report alone: written straight away, text and all.
				line(nodes, row);
				nodeCount++;
				continue;
			}
			var id = (String) row.get("id");
			sharedLabels.computeIfAbsent(id, key -> new LinkedHashSet<>()).addAll(labels);
			sharedProps.computeIfAbsent(id, key -> new LinkedHashMap<>()).putAll((Map<String, Object>) row.get("props"));
		}
		for (var row : relationshipRows) {
			line(relationships, row);
			relationshipCount++;
		}
	}

	void finish() throws IOException {
		for (var entry : sharedLabels.entrySet()) {
			line(nodes, Map.of("id", entry.getKey(), "labels", List.copyOf(entry.getValue()), "props",
					sharedProps.get(entry.getKey())));
			nodeCount++;
		}
		nodes.close();
		relationships.close();
	}

	private static void line(BufferedWriter writer, Map<String, Object> row) throws IOException {
		writer.write(json.writeValueAsString(row));
		writer.newLine();
	}

	/** Reads a rows file in batches of {@code size}, at most {@code limit} rows. */
	@SuppressWarnings("unchecked")
	static void batches(Path file, int size, long limit, Consumer<List<Map<String, Object>>> consumer) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			var batch = new ArrayList<Map<String, Object>>(size);
			long read = 0;
			String line;
			while (read < limit && (line = reader.readLine()) != null) {
				batch.add(json.readValue(line, Map.class));
				read++;
				if (batch.size() == size) {
					consumer.accept(batch);
					batch = new ArrayList<>(size);
				}
			}
			if (!batch.isEmpty()) {
				consumer.accept(batch);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
