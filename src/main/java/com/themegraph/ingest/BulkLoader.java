package com.themegraph.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.themegraph.graph.CypherQueries;
import com.themegraph.ingest.LoadResult.Outcome;
import com.themegraph.store.StoreState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads many documents with the outcome {@link DocumentLoader#load} would give each, in
 * order, but fast: documents are read, validated and planned on every core while one
 * writer stores whole batches of reports (thousands of relationships) per transaction.
 * <p>
 * What a user sees is the same as loading the documents one by one: each report is
 * written whole or refused whole; a refused one writes nothing and does not stop the
 * others; an unchanged one is skipped; loading twice changes nothing. A batch is checked
 * before it is written as if its documents were loaded one after another; if any of them
 * would be refused (or the batch fails to commit), the batch is loaded one document per
 * transaction instead, so only the bad document is refused, with the same message. A
 * batch that would replace an already loaded report goes one by one too, so replacing
 * stays in one place.
 * <p>
 * The one shortcut: a report the graph has never seen (no node with its id, and no edge
 * that names it as {@code source}) cannot match an existing edge, so its edges are
 * written with {@code CREATE} rather than {@code MERGE}: the same graph, without
 * searching each pair of nodes for an edge that cannot be there.
 */
@Service
public class BulkLoader {

	private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

	/**
	 * Relationships per transaction: big enough to amortise the commit, small enough for
	 * the heap.
	 */
	static final int BATCH_RELATIONSHIPS = 10_000;

	/**
	 * Characters of text (report texts, quotes, names) per transaction: about 12 MB of
	 * UTF-8 Chinese, a few times that in the transaction log. However long the reports,
	 * this bounds the largest write, which {@code themegraph.store.min-free-space} must
	 * leave room for.
	 */
	static final long BATCH_TEXT = 4_000_000;

	/** Rows per statement within a batch. */
	static final int STATEMENT_ROWS = 5_000;

	/** One document to load: where it comes from (for messages) and how to read it. */
	public record Input(String origin, Supplier<JsonNode> reader) {
	}

	/** How far the load has got, after each batch. */
	public record Progress(int documents, int total, long relationships, long nanos) {
	}

	/** What the whole load did. */
	public record Summary(List<LoadResult> results, List<InvalidDocumentException> refused, long nodes,
			long relationships, int batches, int fallbacks) {

		public long count(Outcome outcome) {
			return results.stream().filter(result -> result.outcome() == outcome).count();
		}

	}

	private record Planned(Input input, JsonNode document, WritePlan plan, InvalidDocumentException refusal) {
	}

	private final CypherQueries cypher;

	private final DocumentLoader loader;

	private final IngestService oneByOne;

	private final Neo4jClient neo4j;

	private final TransactionTemplate transactions;

	private final StoreState store;

	private final KeptRankings rankings;

	BulkLoader(DocumentLoader loader, IngestService oneByOne, Neo4jClient neo4j,
			PlatformTransactionManager transactionManager, CypherQueries cypher, StoreState store,
			KeptRankings rankings) {
		this.cypher = cypher;
		this.rankings = rankings;
		this.store = store;
		this.loader = loader;
		this.oneByOne = oneByOne;
		this.neo4j = neo4j;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Loads the inputs in order, calling {@code progress} after each batch.
	 * @return every document's outcome, and the refused ones with their reasons
	 * @throws com.themegraph.store.InsufficientStorageException when the store's disk is
	 * below its minimum free space before a batch: the batches written before it stay,
	 * nothing of it is written
	 */
	public Summary load(List<Input> inputs, Consumer<Progress> progress) {
		var started = System.nanoTime();
		var results = new ArrayList<LoadResult>();
		var refused = new ArrayList<InvalidDocumentException>();
		var counters = new Counters();
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		ExecutorService planners = Executors.newFixedThreadPool(threads, runnable -> {
			var thread = new Thread(runnable, "bulk-planner");
			thread.setDaemon(true);
			return thread;
		});
		try {
			var ahead = new ArrayDeque<Future<Planned>>();
			int next = 0;
			int window = Math.max(64, threads * 256);
			var batch = new ArrayList<Planned>();
			long batchRelationships = 0;
			long batchText = 0;
			int done = 0;
			while (next < inputs.size() || !ahead.isEmpty()) {
				while (next < inputs.size() && ahead.size() < window) {
					var input = inputs.get(next++);
					ahead.add(planners.submit(() -> plan(input)));
				}
				var planned = take(ahead.poll());
				if (planned.refusal() != null) {
					// Refused before the graph is consulted: refused one by one would say
					// the same.
					refused.add(planned.refusal());
					done++;
					continue;
				}
				if (!planned.plan().isReport()) {
					// Entity files are few and large, and reports point at them: loaded
					// on their own, in order.
					done += flush(batch, results, refused, counters);
					batchRelationships = 0;
					batchText = 0;
					done += loadOneByOne(List.of(planned), results, refused, counters);
					continue;
				}
				batch.add(planned);
				batchRelationships += planned.plan().relationships().size();
				batchText += textLength(planned.plan());
				if (batchRelationships >= BATCH_RELATIONSHIPS || batchText >= BATCH_TEXT) {
					done += flush(batch, results, refused, counters);
					batchRelationships = 0;
					batchText = 0;
					progress
						.accept(new Progress(done, inputs.size(), counters.relationships, System.nanoTime() - started));
				}
			}
			done += flush(batch, results, refused, counters);
			progress.accept(new Progress(done, inputs.size(), counters.relationships, System.nanoTime() - started));
		}
		finally {
			planners.shutdownNow();
		}
		return new Summary(List.copyOf(results), List.copyOf(refused), counters.nodes, counters.relationships,
				counters.batches, counters.fallbacks);
	}

	/** Characters of text a plan writes, in properties of its nodes and relationships. */
	static long textLength(WritePlan plan) {
		long length = 0;
		for (var node : plan.nodes()) {
			length += textLength(node.props().values());
		}
		for (var relationship : plan.relationships()) {
			length += textLength(relationship.props().values());
		}
		return length;
	}

	private static long textLength(Collection<?> values) {
		long length = 0;
		for (var value : values) {
			if (value instanceof CharSequence text) {
				length += text.length();
			}
			else if (value instanceof Collection<?> items) {
				length += textLength(items);
			}
		}
		return length;
	}

	private Planned plan(Input input) {
		JsonNode document;
		try {
			document = input.reader().get();
		}
		catch (JacksonException ex) {
			return new Planned(input, null, null, new InvalidDocumentException(input.origin(),
					List.of(new Violation("", "not valid JSON: " + ex.getOriginalMessage()))));
		}
		try {
			return new Planned(input, document, loader.plan(document, input.origin()), null);
		}
		catch (InvalidDocumentException ex) {
			return new Planned(input, document, null, ex);
		}
	}

	private static Planned take(Future<Planned> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while planning documents", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	private int flush(List<Planned> batch, List<LoadResult> results, List<InvalidDocumentException> refused,
			Counters counters) {
		if (batch.isEmpty()) {
			return 0;
		}
		int size = batch.size();
		List<LoadResult> written = null;
		store.requireRoomToWrite();
		// Where a batch's time goes (nanoseconds): kept rankings, writing nodes and
		// edges.
		var phases = new long[2];
		long started = System.nanoTime();
		try {
			written = transactions.execute(status -> {
				var outcomes = writeBatch(batch, phases);
				if (outcomes == null) {
					status.setRollbackOnly();
				}
				return outcomes;
			});
			if (log.isDebugEnabled()) {
				long total = System.nanoTime() - started;
				log.debug(
						"Batch of {} documents in {} ms: nodes and edges {} ms, kept rankings {} ms, the rest "
								+ "(reading what exists, planning, commit) {} ms",
						size, total / 1_000_000, phases[1] / 1_000_000, phases[0] / 1_000_000,
						(total - phases[0] - phases[1]) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			if (store.ranOutOfSpace(ex)) {
				// The store has stopped: one by one, every document would fail the same
				// way.
				throw ex;
			}
			log.warn("Batch of {} documents from {} failed ({}); loading them one by one", size,
					batch.get(0).input().origin(), ex.toString());
		}
		if (written == null) {
			counters.fallbacks++;
			loadOneByOne(batch, results, refused, counters);
		}
		else {
			counters.batches++;
			for (var result : written) {
				results.add(result);
				counters.nodes += result.nodes();
				counters.relationships += result.relationships();
			}
		}
		batch.clear();
		return size;
	}

	private int loadOneByOne(List<Planned> documents, List<LoadResult> results, List<InvalidDocumentException> refused,
			Counters counters) {
		for (var planned : documents) {
			try {
				// With retries: a batch that failed may have met another writer, and so
				// may this.
				var result = oneByOne.load(planned.document(), planned.input().origin());
				results.add(result);
				counters.nodes += result.nodes();
				counters.relationships += result.relationships();
			}
			catch (InvalidDocumentException ex) {
				refused.add(ex);
			}
		}
		return documents.size();
	}

	/**
	 * Writes one batch in the current transaction, or returns null, having written
	 * nothing, when a document of it would be refused if the batch were loaded one
	 * document at a time.
	 */
	private List<LoadResult> writeBatch(List<Planned> batch, long[] phases) {
		var ids = new LinkedHashSet<String>();
		for (var planned : batch) {
			ids.addAll(planned.plan().references().keySet());
			ids.addAll(planned.plan().definitions().keySet());
		}
		var labels = new HashMap<String, DocumentLoader.Existing>();
		var hashes = new HashMap<String, String>();
		cypher.query("ingest-bulk-existing").bind(List.copyOf(ids)).to("ids").fetch().all().forEach(row -> {
			labels.put((String) row.get("id"), DocumentLoader.Existing.of(row));
			if (row.get("hash") != null) {
				hashes.put((String) row.get("id"), (String) row.get("hash"));
			}
		});
		var unseen = new HashSet<String>();
		for (var planned : batch) {
			if (!labels.containsKey(planned.plan().source())) {
				unseen.add(planned.plan().source());
			}
		}
		unseen.removeAll(cypher.query("ingest-bulk-sourced-edges")
			.bind(List.copyOf(unseen))
			.to("ids")
			.fetchAs(String.class)
			.all());

		// The batch as DocumentLoader#load would see it, one document after another.
		var results = new ArrayList<LoadResult>();
		var newNames = new HashMap<String, String>();
		var clashCandidates = new ArrayList<Map<String, Object>>();
		var reports = new HashSet<String>();
		var toWrite = new ArrayList<WritePlan>();
		for (var planned : batch) {
			var plan = planned.plan();
			// Aliases added to others' entities are checked and recorded by
			// DocumentLoader:
			// such a document goes one by one.
			// So does one giving a company's former codes or names, which are checked
			// against the graph's current ones (CompanyHistory).
			if (!reports.add(plan.source()) || !DocumentLoader.violationsAgainst(plan, labels).isEmpty()
					|| !DocumentLoader.addedAliases(plan, labels).isEmpty() || CompanyHistory.givesHistory(plan)) {
				return null;
			}
			var previous = hashes.get(plan.source());
			if (plan.contentHash().equals(previous)) {
				results.add(new LoadResult(plan.source(), Outcome.UNCHANGED, 0, 0));
				continue;
			}
			if (previous != null) {
				// Replacing a report (its edges, then the nodes only it defined) is
				// DocumentLoader's: a batch holding one goes one by one rather than
				// repeat that here.
				return null;
			}
			// A new entity whose folded name an existing one (in the graph, or earlier in
			// this batch) answers to is refused one by one, with the id it clashes with.
			for (var row : DocumentLoader.newNames(plan, labels)) {
				if (newNames.putIfAbsent(row.get("kind") + "\t" + row.get("name"), (String) row.get("id")) != null) {
					return null;
				}
				clashCandidates.add(row);
			}
			var own = DocumentLoader.ownNodes(plan, labels);
			for (var node : plan.nodes()) {
				var before = labels.get(node.id());
				labels.put(node.id(), before == null ? DocumentLoader.Existing.of(node, plan.source())
						: before.with(node, plan.source()));
			}
			toWrite.add(own);
			results.add(new LoadResult(plan.source(), Outcome.NEW, plan.nodes().size(), plan.relationships().size()));
		}

		if (!clashCandidates.isEmpty()
				&& cypher.query("ingest-folded-names").bind(clashCandidates).to("rows").fetch().first().isPresent()) {
			return null;
		}
		var sources = toWrite.stream().map(WritePlan::source).toList();
		if (sources.isEmpty()) {
			// Every report of the batch unchanged: nothing is written, not even the lock.
			return results;
		}
		long started = System.nanoTime();
		rankings.lock();
		// A report never seen has no edge yet; one whose edges name it without its node
		// (left by an older version) has, and they are merged below.
		rankings.removing(sources);
		long writing = System.nanoTime();
		inStatements(cypher.get("ingest-merge-nodes"), combinedNodes(toWrite));
		var merged = new ArrayList<Map<String, Object>>();
		var created = new ArrayList<Map<String, Object>>();
		for (var plan : toWrite) {
			var rows = unseen.contains(plan.source()) ? created : merged;
			plan.relationships().forEach(row -> rows.add(row.asParameter()));
		}
		inStatements(cypher.get("ingest-merge-relationships"), merged);
		inStatements(cypher.get("ingest-bulk-create-relationships"), created);
		long written = System.nanoTime();
		rankings.added(sources);
		phases[0] = (writing - started) + (System.nanoTime() - written);
		phases[1] = written - writing;
		return results;
	}

	/**
	 * One row per node, as the batch's documents leave it when merged in order: labels
	 * added up, later properties over earlier ones. Sorted, so that concurrent writers
	 * lock nodes in the same order.
	 */
	private static List<Map<String, Object>> combinedNodes(List<WritePlan> plans) {
		var labels = new LinkedHashMap<String, LinkedHashSet<String>>();
		var props = new HashMap<String, Map<String, Object>>();
		for (var plan : plans) {
			for (var row : DocumentLoader.nodeParameters(plan)) {
				var id = (String) row.get("id");
				@SuppressWarnings("unchecked")
				var rowLabels = (List<String>) row.get("labels");
				@SuppressWarnings("unchecked")
				var rowProps = (Map<String, Object>) row.get("props");
				labels.computeIfAbsent(id, key -> new LinkedHashSet<>()).addAll(rowLabels);
				props.computeIfAbsent(id, key -> new LinkedHashMap<>()).putAll(rowProps);
			}
		}
		var ids = new ArrayList<>(labels.keySet());
		Collections.sort(ids);
		return ids.stream()
			.map(id -> Map.<String, Object>of("id", id, "labels", List.copyOf(labels.get(id)), "props", props.get(id)))
			.toList();
	}

	private void inStatements(String query, List<Map<String, Object>> rows) {
		if (rows.size() > 1 && rows.get(0).containsKey("from")) {
			rows = new ArrayList<>(rows);
			rows.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("from"))
				.thenComparing(row -> (String) row.get("to")));
		}
		for (int start = 0; start < rows.size(); start += STATEMENT_ROWS) {
			var chunk = rows.subList(start, Math.min(rows.size(), start + STATEMENT_ROWS));
			neo4j.query(query).bind(chunk).to("rows").run();
		}
	}

	/** What a load has written so far, for its summary and progress. */
	private static final class Counters {

		long nodes;

		long relationships;

		int batches;

		int fallbacks;

	}

}
