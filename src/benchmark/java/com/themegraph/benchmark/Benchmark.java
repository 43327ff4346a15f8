package com.themegraph.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.themegraph.ThemeGraphApplication;
import com.themegraph.benchmark.CorpusGenerator.Sizes;
import com.themegraph.ingest.BulkLoader;
import com.themegraph.ingest.DocumentLoader;
import com.themegraph.ingest.PlannedRows;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Values;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Loads a synthetic corpus with the service's loader and with two baselines in this same JVM
 * (so their ratios hold on a noisy machine), then starts the service on the loaded store and
 * times the theme, technology and exposure queries through REST and through the driver.
 * Run with {@code bin/benchmark}; prints progress while it runs and a table at the end.
 */
public final class Benchmark {

	record Options(Sizes sizes, Path work, int naiveSample, int perDocumentSample, int requests, int warmup,
			Path serviceJar, String serviceHeap, String pageCache, boolean queriesOnly, List<Integer> steps) {

		static Options parse(String... args) {
			var values = new LinkedHashMap<String, String>(Map.of("reports", "20000", "companies", "5000",
					"technologies", "500", "products", "1000", "themes", "200", "seed", "42", "work",
					"target/benchmark", "naive-sample", "20000", "per-document-sample", "500", "requests", "1000"));
			values.put("warmup", "200");
			values.put("service-heap", "2g");
			// Neo4j's page cache, for the service and every baseline alike: big enough to hold
			// the default corpus's store files (2.0 GB at 20,000 reports), as Neo4j's
			// operations manual sizes it, so that no figure measures the disk.
			values.put("page-cache", "4g");
			values.put("queries-only", "false");
			values.put("steps", "10%,25%,100%");
			for (var arg : args) {
				if (!arg.startsWith("--") || !arg.contains("=")) {
					throw new IllegalArgumentException("Arguments are --name=value; got " + arg + ". Names: " + values.keySet()
							+ ", service-jar");
				}
				var name = arg.substring(2, arg.indexOf('='));
				if (!values.containsKey(name) && !"service-jar".equals(name)) {
					throw new IllegalArgumentException("Unknown option --" + name + "; known: " + values.keySet() + ", service-jar");
				}
				values.put(name, arg.substring(arg.indexOf('=') + 1).replace("_", ""));
			}
			try {
				org.neo4j.configuration.SettingValueParsers.BYTES.parse(values.get("page-cache"));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"--page-cache: " + values.get("page-cache") + " is not a size such as 512m or 4g", ex);
			}
			var sizes = new Sizes(integer(values, "reports"), integer(values, "companies"), integer(values, "technologies"),
					integer(values, "products"), integer(values, "themes"), Long.parseLong(values.get("seed")));
			return new Options(sizes, Path.of(values.get("work")), integer(values, "naive-sample"),
					integer(values, "per-document-sample"), integer(values, "requests"), integer(values, "warmup"),
					values.containsKey("service-jar") ? Path.of(values.get("service-jar")) : null, values.get("service-heap"),
					values.get("page-cache"), Boolean.parseBoolean(values.get("queries-only")), steps(values.get("steps"), sizes.reports()));
		}

		/**
		 * The corpus sizes, in reports, at which the queries are timed: each of {@code spec}'s
		 * comma-separated values is a number of reports, or with a {@code %} sign a percentage
		 * of {@code reports} (rounded, at least one report); {@code reports} itself is always
		 * the last.
		 * @throws IllegalArgumentException for a size below 1 or above {@code reports}
		 */
		static List<Integer> steps(String spec, int reports) {
			var sizes = new TreeSet<Integer>();
			for (var value : spec.split(",")) {
				value = value.strip();
				int size = value.endsWith("%")
						? (int) Math.max(1,
								Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) / 100 * reports))
						: Integer.parseInt(value);
				if (size < 1 || size > reports) {
					throw new IllegalArgumentException("--steps: " + value + " is " + size
							+ " reports; each step is between 1 and --reports=" + reports);
				}
				sizes.add(size);
			}
			sizes.add(reports);
			return List.copyOf(sizes);
		}

		private static int integer(Map<String, String> values, String name) {
			return Integer.parseInt(values.get(name));
		}

	}

	/** Milliseconds at the 50th, 95th and 99th percentile of {@code count} requests. */
	record Latency(double p50, double p95, double p99, int count) {

		static Latency of(long[] nanos) {
			var sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Latency(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length);
		}

		private static double percentile(long[] sorted, int percent) {
			int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
			return sorted[Math.max(0, rank - 1)] / 1e6;
		}

	}

	record QueryResult(String name, Latency rest, Latency driver) {

		double ratio() {
			return rest.p99() / driver.p99();
		}

	}

	/**
	 * The queries and the floor timed on the store holding the first {@code reports} reports
	 * ({@code relationships} relationships in all, seed data included).
	 */
	record Step(int reports, long relationships, List<QueryResult> queries, Latency floor) {

		QueryResult query(String name) {
			return queries.stream().filter(query -> query.name().equals(name)).findFirst().orElseThrow();
		}

	}

	record Results(Sizes sizes, long corpusRelationships, long corpusNodes, double generateSeconds, double serviceSeconds,
			long serviceRelationships, double serviceRate, int batches, int fallbacks, double perDocumentRate,
			double createSeconds, double createRate, double naiveRate, long naiveRelationships, List<Step> steps,
			double startSeconds, long loaderPeakHeap, long loaderPeakResident, long servicePeakHeap,
			long servicePeakResident, long maxHeap, long storeBytes, String machine, String date) {

		double serviceOverNaive() {
			return serviceRate / naiveRate;
		}

		double createOverService() {
			return createRate / serviceRate;
		}

		double serviceOverPerDocument() {
			return serviceRate / perDocumentRate;
		}

		/** The queries at the full corpus. */
		List<QueryResult> queries() {
			return steps.getLast().queries();
		}

		/** The floor at the full corpus. */
		Latency floor() {
			return steps.getLast().floor();
		}

		/** A query's REST p99 at the largest step over that at the smallest. */
		double growth(String name) {
			return steps.getLast().query(name).rest().p99() / steps.getFirst().query(name).rest().p99();
		}

	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Options options;

	private final PrintStream out;

	private Benchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		// bin/benchmark puts --service-jar first; extraction runs no service of its own.
		if (Arrays.asList(args).contains("extraction")) {
			ExtractionBenchmark.main(Arrays.stream(args)
				.filter(arg -> !"extraction".equals(arg) && !arg.startsWith("--service-jar="))
				.toArray(String[]::new));
			return;
		}
		var options = Options.parse(args);
		var results = run(options, System.out);
		System.out.println();
		System.out.println(table(results, String.join(" ", args)));
		Files.writeString(options.work().resolve("results.md"), table(results, String.join(" ", args)));
		System.out.println("Written to " + options.work().resolve("results.md"));
		System.exit(0);
	}

	static Results run(Options options, PrintStream out) throws Exception {
		return new Benchmark(options, out).run();
	}

	private Results run() throws Exception {
		var work = options.work().toAbsolutePath();
		Files.createDirectories(work);
		var corpus = work.resolve("corpus-" + options.sizes().reports() + "-" + options.sizes().seed());
		var serviceStore = work.resolve("service-store");
		try (var memory = new PeakMemory()) {
			if (options.queriesOnly()) {
				if (!Files.exists(corpus.resolve("manifest.txt"))) {
					throw new IllegalStateException("--queries-only times the store an earlier run loaded from " + corpus
							+ ", which is not there: run once without --queries-only and the same corpus options");
				}
				var targets = new Targets();
				targets.add(corpusFiles(corpus));
				var full = timeStep(serviceStore, options.sizes().reports(), targets);
				return results(memory, List.of(full.step()), full, null, null, Double.NaN, 0,
						new double[] { Double.NaN, Double.NaN }, Double.NaN, Double.NaN);
			}
			double generateSeconds = generate(corpus);
			var files = corpusFiles(corpus);
			Stores.delete(serviceStore);
			var rowsDirectory = work.resolve("rows");
			RowsFile rows = null;
			double perDocumentRate = Double.NaN;
			// The service's loader writes the corpus in steps, the service timed on the store after
			// each; its rate is every step's write time together (starting and stopping the loader's
			// context between steps is outside the clock).
			long serviceNanos = 0;
			long serviceRelationships = 0;
			int batches = 0;
			int fallbacks = 0;
			int loadedFiles = 0;
			var targets = new Targets();
			var steps = new ArrayList<Step>();
			Timed full = null;
			for (int reports : options.steps()) {
				var context = loaderContext(serviceStore, options.pageCache());
				var slice = files.subList(loadedFiles, 1 + reports);
				try {
					if (rows == null) {
						rows = exportRows(context.getBean(DocumentLoader.class), files, rowsDirectory);
						perDocumentRate = perDocument(context.getBean(DocumentLoader.class), files,
								Math.min(options.perDocumentSample(), reports));
					}
					phase("service loader: reports %,d to %,d of %,d, batched per %,d relationships", loadedFiles == 0 ? 1 : loadedFiles,
							reports, options.sizes().reports(), 10_000);
					long started = System.nanoTime();
					var inputs = slice.stream().map(file -> new BulkLoader.Input(file.getFileName().toString(), () -> read(file))).toList();
					var summary = context.getBean(BulkLoader.class)
						.load(inputs, progress -> out.printf("  %,7d/%,d documents  %,9d relationships  %,8.0f rel/s%n",
								progress.documents(), progress.total(), progress.relationships(),
								progress.relationships() / (progress.nanos() / 1e9)));
					long nanos = System.nanoTime() - started;
					if (!summary.refused().isEmpty()) {
						throw new IllegalStateException("The synthetic corpus was refused: " + summary.refused().get(0).getMessage());
					}
					serviceNanos += nanos;
					serviceRelationships += summary.relationships();
					batches += summary.batches();
					fallbacks += summary.fallbacks();
					out.printf("  %,d relationships in %.1f s: %,.0f rel/s (%d batches, %d loaded one by one)%n",
							summary.relationships(), nanos / 1e9, summary.relationships() / (nanos / 1e9), summary.batches(),
							summary.fallbacks());
				}
				finally {
					context.close();
				}
				targets.add(slice);
				loadedFiles = 1 + reports;
				full = timeStep(serviceStore, reports, targets);
				steps.add(full.step());
			}
			out.printf("%nService loader over all steps: %,d relationships in %.1f s: %,.0f rel/s%n", serviceRelationships,
					serviceNanos / 1e9, serviceRelationships / (serviceNanos / 1e9));

			var create = createBaseline(work.resolve("baseline-store"), rowsDirectory, rows);
			double naiveRate = naiveBaseline(work.resolve("baseline-store"), rowsDirectory);
			return results(memory, steps, full, rows, new long[] { serviceRelationships, batches, fallbacks },
					serviceNanos / 1e9, generateSeconds, create, naiveRate, perDocumentRate);
		}
	}

	/** The service's Spring context, without its web server, on the store: the loader as the service runs it. */
	private static org.springframework.context.ConfigurableApplicationContext loaderContext(Path serviceStore,
			String pageCache) {
		return new SpringApplicationBuilder(ThemeGraphApplication.class).web(org.springframework.boot.WebApplicationType.NONE)
			// As arguments: they override application.properties, as they would for the service.
			.run("--themegraph.embedded.data-directory=" + serviceStore, "--themegraph.embedded.bolt-port=0",
					"--themegraph.embedded.page-cache=" + pageCache, "--logging.level.root=WARN",
					"--logging.level.com.themegraph.ingest.BulkLoader=INFO",
					"--spring.main.banner-mode=off");
	}

	/** The figures of one step, and the service that was timed for them (stopped). */
	private record Timed(Step step, double startSeconds, long peakHeap, long peakResident, long storeBytes) {
	}

	/** Starts the service on the store as loaded so far and times its queries and the floor. */
	private Timed timeStep(Path serviceStore, int reports, Targets targets) throws Exception {
		long storeBytes = size(serviceStore);
		phase("%,d reports: service started on the store (%,d MB on disk)", reports, storeBytes >> 20);
		var probe = "/api/stocks/" + CorpusGenerator.companyCode(0);
		try (var service = ServiceProcess.start(options.serviceJar(), serviceStore, serviceStore.resolveSibling("logs"),
				options.serviceHeap(), options.pageCache(), probe)) {
			double startSeconds = service.startToFirstAnswerNanos / 1e9;
			out.printf("  first answer after %.1f s (pid %d)%n", startSeconds, service.pid());
			var step = latency(service, reports, targets);
			service.close();
			return new Timed(step, startSeconds, service.peakHeapBytes(), service.peakResidentBytes(), storeBytes);
		}
	}

	private Results results(PeakMemory memory, List<Step> steps, Timed full, RowsFile rows, long[] load,
			double serviceSeconds, double generateSeconds, double[] create, double naiveRate, double perDocumentRate) {
		long naiveCount = rows == null ? 0 : Math.min(options.naiveSample(), rows.relationshipCount);
		return new Results(options.sizes(), rows == null ? 0 : rows.relationshipCount, rows == null ? 0 : rows.nodeCount,
				generateSeconds, serviceSeconds, load == null ? 0 : load[0],
				load == null ? Double.NaN : load[0] / serviceSeconds, load == null ? 0 : (int) load[1],
				load == null ? 0 : (int) load[2], perDocumentRate, create[0], create[1], naiveRate, naiveCount, steps,
				full.startSeconds(), memory.peakHeapBytes(), PeakMemory.peakResidentBytes(ProcessHandle.current().pid()),
				full.peakHeap(), full.peakResident(), PeakMemory.maxHeapBytes(), full.storeBytes(), machine() + ", Neo4j page cache " + options.pageCache(),
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
	}

	private double generate(Path corpus) throws IOException {
		var manifest = corpus.resolve("manifest.txt");
		var expected = options.sizes().toString();
		if (Files.exists(manifest) && Files.readString(manifest).equals(expected)) {
			phase("corpus: reusing %s (%s)", corpus, expected);
			return 0;
		}
		phase("corpus: generating %s into %s", expected, corpus);
		Stores.delete(corpus);
		long started = System.nanoTime();
		new CorpusGenerator(options.sizes()).write(corpus,
				done -> out.printf("  %,7d/%,d reports written%n", done, options.sizes().reports()));
		Files.writeString(manifest, expected);
		return (System.nanoTime() - started) / 1e9;
	}

	private static List<Path> corpusFiles(Path corpus) throws IOException {
		var files = new ArrayList<Path>();
		files.add(corpus.resolve(CorpusGenerator.ENTITY_FILE));
		try (Stream<Path> reports = Files.list(corpus.resolve("reports"))) {
			reports.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
		}
		return files;
	}

	private static JsonNode read(Path file) {
		try {
			return json.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows the service writes, planned once, for the baselines to replay (not timed). */
	private RowsFile exportRows(DocumentLoader loader, List<Path> files, Path directory) throws IOException {
		phase("planning the corpus once more, for the baselines to write the very same rows");
		var rows = new RowsFile(directory);
		int chunk = 500;
		for (int start = 0; start < files.size(); start += chunk) {
			var planned = files.subList(start, Math.min(files.size(), start + chunk))
				.parallelStream()
				.map(file -> PlannedRows.of(loader, read(file), file.getFileName().toString()))
				.toList();
			for (var plan : planned) {
				rows.add(plan.nodes(), plan.relationships());
			}
			if ((start / chunk) % 10 == 9) {
				out.printf("  %,7d/%,d documents planned%n", start + chunk, files.size());
			}
		}
		rows.finish();
		out.printf("  %,d nodes and %,d relationships%n", rows.nodeCount, rows.relationshipCount);
		return rows;
	}

	/**
	 * The service's loader as it was before bulk loading: one transaction per document, on a
	 * sample of {@code sample} reports (no more than the first step holds, so the store at each
	 * step holds just that step's reports). They are then skipped as unchanged by the bulk load
	 * that follows.
	 */
	private double perDocument(DocumentLoader loader, List<Path> files, int sample) {
		if (sample == 0) {
			return Double.NaN;
		}
		phase("service loader, one transaction per report (DocumentLoader.load), on %,d reports", sample);
		loader.load(read(files.get(0)), files.get(0).getFileName().toString());
		long relationships = 0;
		long started = System.nanoTime();
		for (var file : files.subList(1, Math.min(files.size(), 1 + sample))) {
			relationships += loader.load(read(file), file.getFileName().toString()).relationships();
		}
		double rate = relationships / ((System.nanoTime() - started) / 1e9);
		out.printf("  %,d relationships: %,.0f rel/s%n", relationships, rate);
		return rate;
	}

	/** Plain batched CREATE of the same nodes and relationships, no MERGE: a lower bound. */
	private double[] createBaseline(Path store, Path rowsDirectory, RowsFile rows) {
		phase("baseline: plain batched CREATE, %,d nodes then %,d relationships, 10,000 per transaction", rows.nodeCount,
				rows.relationshipCount);
		var createNodes = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props, n.id = row.id";
		var createRelationships = Stores.read("cypher/queries/ingest-bulk-create-relationships.cypher");
		var written = new AtomicLong();
		long started = System.nanoTime();
		try (var stores = Stores.start(store, options.pageCache()); var session = stores.driver().session()) {
			started = System.nanoTime();
			RowsFile.batches(rowsDirectory.resolve(RowsFile.NODES), 10_000, Long.MAX_VALUE,
					batch -> session.executeWriteWithoutResult(tx -> tx.run(createNodes, Map.of("rows", batch)).consume()));
			long nodesDone = System.nanoTime();
			out.printf("  nodes in %.1f s%n", (nodesDone - started) / 1e9);
			RowsFile.batches(rowsDirectory.resolve(RowsFile.RELATIONSHIPS), 10_000, Long.MAX_VALUE, batch -> {
				session.executeWriteWithoutResult(tx -> tx.run(createRelationships, Map.of("rows", batch)).consume());
				if (written.addAndGet(batch.size()) % 100_000 == 0) {
					out.printf("  %,9d relationships  %,8.0f rel/s%n", written.get(),
							written.get() / ((System.nanoTime() - nodesDone) / 1e9));
				}
			});
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		// Reading the rows file is inside the clock: it costs the baseline a little, never helps it.
		double rate = written.get() / seconds;
		out.printf("  %,d relationships (and the nodes) in %.1f s: %,.0f rel/s%n", written.get(), seconds, rate);
		Stores.delete(store);
		return new double[] { seconds, rate };
	}

	/**
	 * A naive loader, as row-by-row peers load: one statement and one transaction per
	 * relationship, on a sample, with its nodes already in place (not timed).
	 */
	private double naiveBaseline(Path store, Path rowsDirectory) {
		phase("baseline: naive, one MERGE statement per relationship in its own transaction, on %,d relationships",
				options.naiveSample());
		var createNodes = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props, n.id = row.id";
		var merge = Stores.read("cypher/queries/ingest-merge-relationships.cypher");
		var written = new AtomicLong();
		long elapsed;
		try (var stores = Stores.start(store, options.pageCache()); var session = stores.driver().session()) {
			RowsFile.batches(rowsDirectory.resolve(RowsFile.NODES), 10_000, Long.MAX_VALUE,
					batch -> session.executeWriteWithoutResult(tx -> tx.run(createNodes, Map.of("rows", batch)).consume()));
			long started = System.nanoTime();
			RowsFile.batches(rowsDirectory.resolve(RowsFile.RELATIONSHIPS), 1_000, options.naiveSample(), batch -> {
				for (var row : batch) {
					session.executeWriteWithoutResult(tx -> tx.run(merge, Map.of("rows", List.of(row))).consume());
				}
				if (written.addAndGet(batch.size()) % 5_000 == 0) {
					out.printf("  %,9d relationships  %,8.0f rel/s%n", written.get(),
							written.get() / ((System.nanoTime() - started) / 1e9));
				}
			});
			elapsed = System.nanoTime() - started;
		}
		double rate = written.get() / (elapsed / 1e9);
		out.printf("  %,d relationships in %.1f s: %,.0f rel/s%n", written.get(), elapsed / 1e9, rate);
		Stores.delete(store);
		return rate;
	}

	/** The endpoints timed at each step, in the order of the tables; the floor is last. */
	static final List<String> KINDS = List.of("theme", "theme-newest", "technology", "technology-strongest", "exposure",
			"exposure-strongest", "floor");

	static final Map<String, String> NAMES = Map.of("theme", "theme stocks", "theme-newest",
			"theme stocks, newest 5 quotes each", "technology", "technology stocks", "technology-strongest",
			"technology stocks, strongest 5 paths each", "exposure", "stock exposure", "exposure-strongest",
			"stock exposure, strongest 5 paths each", "floor", "floor");

	/**
	 * The floor: the web page's stylesheet, which Spring Boot serves from the jar's
	 * {@code static/} (no controller, no database), through the same connector, filters and
	 * security as the API. What an answer costs above it is the query's own.
	 */
	static final String FLOOR_PATH = "/app/app.css";

	/**
	 * Each endpoint through REST and, but for the floor, the same Cypher through the driver right
	 * after it; the endpoints take turns request by request, in an order shuffled every round,
	 * over random targets the loaded reports name, after a warm-up of as many rounds. Every REST
	 * request must answer 200, or the benchmark stops.
	 */
	private Step latency(ServiceProcess service, int reports, Targets targets) throws Exception {
		phase("%,d reports: %,d requests to each of %s and the floor (GET %s) through REST, the same Cypher through the driver, taking turns (after %,d warm-up each)",
				reports, options.requests(), String.join(", ", KINDS.subList(0, KINDS.size() - 1)), FLOOR_PATH, options.warmup());
		out.printf("  targets: %,d themes, %,d technologies, %,d stocks%n", targets.themes.size(),
				targets.technologies.size(), targets.stocks.size());
		var random = new SplittableRandom(options.sizes().seed() + reports);
		var themes = List.copyOf(targets.themes);
		var technologies = List.copyOf(targets.technologies);
		var stocks = List.copyOf(targets.stocks);
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		var rest = new long[KINDS.size()][options.requests()];
		var driverTimes = new long[KINDS.size()][options.requests()];
		var order = new int[KINDS.size()];
		long relationships;
		try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + service.boltPort,
				AuthTokens.basic("neo4j", ServiceProcess.PASSWORD), Stores.QUIET)) {
			relationships = driver.executableQuery("MATCH ()-[r]->() RETURN count(r) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong();
			for (int i = -options.warmup(); i < options.requests(); i++) {
				shuffle(order, random);
				for (int k : order) {
					var kind = KINDS.get(k);
					String target = switch (kind) {
						case "theme", "theme-newest" -> pick(themes, random, "themes");
						case "technology", "technology-strongest" -> pick(technologies, random, "technologies");
						case "exposure", "exposure-strongest" -> pick(stocks, random, "stocks");
						default -> null;
					};
					var path = switch (kind) {
						case "theme" -> "/api/themes/" + target + "/stocks";
						case "theme-newest" -> "/api/themes/" + target + "/stocks?evidenceLimit=5";
						case "technology" -> "/api/technologies/" + target + "/stocks";
						case "technology-strongest" -> "/api/technologies/" + target + "/stocks?pathLimit=5";
						case "exposure" -> "/api/stocks/" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "/exposure";
						case "exposure-strongest" ->
							"/api/stocks/" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "/exposure?pathLimit=5";
						default -> FLOOR_PATH;
					};
					var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort + path))
						.timeout(Duration.ofSeconds(60))
						.build();
					long started = System.nanoTime();
					var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
					long restNanos = System.nanoTime() - started;
					if (response.statusCode() != 200) {
						throw new IllegalStateException("At %,d reports, GET %s answered %d, not 200: %s".formatted(reports,
								path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
					}
					long driverNanos = 0;
					if (target != null) {
						started = System.nanoTime();
						driverQueries(driver, kind, target);
						driverNanos = System.nanoTime() - started;
					}
					if (i >= 0) {
						rest[k][i] = restNanos;
						driverTimes[k][i] = driverNanos;
					}
				}
				if (i >= 0 && (i + 1) % Math.max(1, options.requests() / 4) == 0) {
					out.printf("  %,6d/%,d rounds%n", i + 1, options.requests());
				}
			}
		}
		var queries = new ArrayList<QueryResult>();
		for (int k = 0; k < KINDS.size() - 1; k++) {
			var result = new QueryResult(NAMES.get(KINDS.get(k)), Latency.of(rest[k]), Latency.of(driverTimes[k]));
			queries.add(result);
			out.printf("  %s: REST p50 %.1f p95 %.1f p99 %.1f ms; driver p50 %.1f p95 %.1f p99 %.1f ms%n", result.name(),
					result.rest().p50(), result.rest().p95(), result.rest().p99(), result.driver().p50(),
					result.driver().p95(), result.driver().p99());
		}
		var floor = Latency.of(rest[KINDS.size() - 1]);
		out.printf("  floor (GET %s): REST p50 %.1f p95 %.1f p99 %.1f ms%n", FLOOR_PATH, floor.p50(), floor.p95(),
				floor.p99());
		return new Step(reports, relationships, queries, floor);
	}

	private static String pick(List<String> targets, SplittableRandom random, String what) {
		if (targets.isEmpty()) {
			throw new IllegalStateException("The reports loaded so far name no " + what + " to query");
		}
		return targets.get(random.nextInt(targets.size()));
	}

	/** Fisher-Yates: 0 to length - 1 in a random order. */
	private static void shuffle(int[] order, SplittableRandom random) {
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}

	/**
	 * What the reports loaded so far name, so that every target has answers at every step: the
	 * themes, the technologies those themes are about, and the stocks they recommend.
	 */
	static final class Targets {

		final SortedSet<String> themes = new TreeSet<>();

		final SortedSet<String> technologies = new TreeSet<>();

		final SortedSet<String> stocks = new TreeSet<>();

		void add(List<Path> files) {
			for (var file : files) {
				var document = read(file);
				if (!"report".equals(document.path("kind").asString())) {
					continue;
				}
				for (var theme : document.path("themes")) {
					themes.add(theme.path("id").asString());
					for (var about : theme.path("about")) {
						var entity = about.path("entity").asString();
						if (entity.startsWith("syn-tech-")) {
							technologies.add(entity);
						}
					}
					for (var company : theme.path("companies")) {
						stocks.add(company.path("code").asString());
					}
				}
			}
		}

	}

	/**
	 * The statements the endpoint runs, with the same parameters, in one read transaction, each
	 * result read into maps as a client of the driver would to use it.
	 */
	private static void driverQueries(org.neo4j.driver.Driver driver, String kind, String target) {
		try (var session = driver.session()) {
			session.executeRead(tx -> {
				switch (kind) {
					case "theme" -> tx.run(Cypher.THEME_STOCKS,
							Values.parameters("id", target, "skip", 0, "limit", 50, "evidenceLimit", null, "since",
									null, "until", null, "sort", "rank"))
						.list(Record::asMap);
					case "theme-newest" -> tx.run(Cypher.THEME_STOCKS,
							Values.parameters("id", target, "skip", 0, "limit", 50, "evidenceLimit", 5, "since", null,
									"until", null, "sort", "rank"))
						.list(Record::asMap);
					case "technology", "technology-strongest" -> {
						tx.run(Cypher.ENTITY_BY_ID, Values.parameters("id", target)).list(Record::asMap);
						tx.run(Cypher.TECHNOLOGY_STOCKS, Values.parameters("id", target, "skip", 0, "limit", 50, "since",
								null, "until", null, "sort", "rank", "pathLimit", pathLimit(kind))).list(Record::asMap);
					}
					default -> {
						tx.run(Cypher.STOCK_BY_CODE, Values.parameters("code", target)).list(Record::asMap);
						tx.run(Cypher.STOCK_THEMES, Values.parameters("code", target, "skip", 0, "limit", 50, "since", null,
								"until", null)).list(Record::asMap);
						tx.run(Cypher.STOCK_EXPOSURE, Values.parameters("code", target, "skip", 0, "limit", 50, "since",
								null, "until", null, "sort", "rank", "pathLimit", pathLimit(kind))).list(Record::asMap);
					}
				}
				return null;
			});
		}
	}

	/** The dashboards' variants ask for the strongest 5 paths; the others for every path. */
	private static Integer pathLimit(String kind) {
		return kind.endsWith("-strongest") ? 5 : null;
	}

	private static final class Cypher {

		static final String THEME_STOCKS = Stores.read("cypher/queries/theme-stocks.cypher");

		static final String ENTITY_BY_ID = Stores.read("cypher/queries/entity-by-id.cypher");

		static final String TECHNOLOGY_STOCKS = Stores.read("cypher/queries/technology-stocks.cypher");

		static final String STOCK_BY_CODE = Stores.read("cypher/queries/stock-by-code.cypher");

		static final String STOCK_THEMES = Stores.read("cypher/queries/stock-themes.cypher");

		static final String STOCK_EXPOSURE = Stores.read("cypher/queries/stock-exposure.cypher");

	}

	/** Each phase says the machine's load as it starts: other work on it slows every figure. */
	private void phase(String format, Object... args) {
		out.printf("%n[%s, load %s] %s%n", java.time.LocalTime.now().withNano(0), loadAverage(), format.formatted(args));
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static long size(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
		}
	}

	static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Not Linux.
		}
		var memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize();
		String load = "";
		try {
			load = ", load average at the end " + String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (IOException ex) {
			// Not Linux.
		}
		return "%d cores (%s), %d GiB RAM, %s %s, Java %s%s".formatted(Runtime.getRuntime().availableProcessors(), cpu,
				Math.round(memory / (1024.0 * 1024 * 1024)), System.getProperty("os.name"), System.getProperty("os.version"),
				System.getProperty("java.version"), load);
	}

	static String table(Results r, String args) {
		var s = new StringBuilder();
		// --queries-only times the queries on a store loaded earlier: there are no load figures to show.
		if (Double.isNaN(r.serviceRate())) {
			s.append("Queries only, on the store an earlier run loaded.%n%n".formatted());
		}
		else {
			s.append("Corpus: %,d reports, %,d companies, %,d technologies, %,d products, %,d themes (seed %d): %,d nodes, %,d relationships%n%n"
				.formatted(r.sizes().reports(), r.sizes().companies(), r.sizes().technologies(), r.sizes().products(),
						r.sizes().themes(), r.sizes().seed(), r.corpusNodes(), r.corpusRelationships()));
			s.append("| load | relationships/s | ratio |\n|---|---:|---:|\n");
			s.append("| service loader (BulkLoader: read, validate, plan, write) | %,.0f | 1 |%n".formatted(r.serviceRate()));
			s.append("| plain batched CREATE, no MERGE (lower bound) | %,.0f | CREATE / service = %.2f |%n".formatted(r.createRate(),
					r.createOverService()));
			s.append("| naive: one MERGE per relationship and transaction (%,d sample) | %,.0f | service / naive = %.0f |%n"
				.formatted(r.naiveRelationships(), r.naiveRate(), r.serviceOverNaive()));
			if (!Double.isNaN(r.perDocumentRate())) {
				s.append("| service, one transaction per report (DocumentLoader.load, sample) | %,.0f | service / this = %.1f |%n"
					.formatted(r.perDocumentRate(), r.serviceOverPerDocument()));
			}
			s.append("%nService load: %,d relationships in %.1f s, %d batches, %d loaded one by one.%n%n".formatted(
					r.serviceRelationships(), r.serviceSeconds(), r.batches(), r.fallbacks()));
		}
		s.append("| query, full corpus (%,d requests each, taking turns) | REST p50 | p95 | p99 | driver p50 | p95 | p99 | REST / driver (p99) | REST / floor (p99) |%n"
			.formatted(r.floor().count()));
		s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (var q : r.queries()) {
			s.append("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f | %.1f |%n".formatted(q.name(),
					q.rest().p50(), q.rest().p95(), q.rest().p99(), q.driver().p50(), q.driver().p95(), q.driver().p99(),
					q.ratio(), q.rest().p99() / r.floor().p99()));
		}
		s.append("| floor: GET %s (static, no database) | %.1f ms | %.1f ms | %.1f ms | | | | | 1 |%n".formatted(FLOOR_PATH,
				r.floor().p50(), r.floor().p95(), r.floor().p99()));

		growthTable(s, r, GOAL_QUERIES, true);
		// The same for the answers dashboards poll, whose evidence per item is bounded: not among
		// the goals (those are the full answers), but where growth with the corpus would show.
		growthTable(s, r, DASHBOARD_QUERIES, false);

		s.append("%n| memory and start | |%n|---|---:|%n".formatted());
		s.append("| service: start to first answered request, full corpus on disk | %.1f s |%n".formatted(r.startSeconds()));
		s.append("| service: peak heap (GC log) / peak RSS (VmHWM), -Xmx%s | %,d MiB / %,d MiB |%n".formatted("2g",
				r.servicePeakHeap() >> 20, r.servicePeakResident() >> 20));
		if (!Double.isNaN(r.serviceRate())) {
			s.append("| benchmark JVM (loader and baselines): peak heap / peak RSS, max heap %,d MiB | %,d MiB / %,d MiB |%n"
				.formatted(r.maxHeap() >> 20, r.loaderPeakHeap() >> 20, r.loaderPeakResident() >> 20));
		}
		s.append("| store on disk | %,d MiB |%n".formatted(r.storeBytes() >> 20));

		s.append("%n| goal (issue 12) | goal | result | |%n|---|---:|---:|---|%n".formatted());
		for (var name : GOAL_QUERIES) {
			goal(s, name + ": REST p99, full corpus", "<= 20 ms", r.steps().getLast().query(name).rest().p99(), 20,
					" ms");
		}
		for (var name : GOAL_QUERIES) {
			goal(s, name + ": REST p50, full corpus", "<= 5 ms", r.steps().getLast().query(name).rest().p50(), 5, " ms");
		}
		for (var name : GOAL_QUERIES) {
			goal(s, name + ": REST p99 / floor p99", "<= 3x", r.steps().getLast().query(name).rest().p99() / r.floor().p99(),
					3, "x");
		}
		if (r.steps().size() > 1) {
			for (var name : GOAL_QUERIES) {
				goal(s, name + ": p99 at %,d / at %,d reports".formatted(r.steps().getLast().reports(),
						r.steps().getFirst().reports()), "<= 1.5x", r.growth(name), 1.5, "x");
			}
		}
		if (!Double.isNaN(r.serviceRate())) {
			goal(s, "service loader time / plain batched CREATE time, same rows", "<= 1.5x", r.createOverService(), 1.5,
					"x");
		}
		goal(s, "service peak heap, full corpus", "<= 2 GiB", r.servicePeakHeap() / (1024.0 * 1024 * 1024), 2, " GiB");
		s.append("%nMachine: %s. Date: %s. Arguments: %s%n".formatted(r.machine(), r.date(), args.isBlank() ? "(defaults)" : args));
		return s.toString();
	}

	/**
	 * REST p50 / p99 of {@code names} at each step, then their growth (p99, largest over
	 * smallest step); {@code withStore} adds the store's relationships and the floor.
	 */
	private static void growthTable(StringBuilder s, Results r, List<String> names, boolean withStore) {
		var columns = new ArrayList<String>(List.of("reports"));
		if (withStore) {
			columns.add("relationships");
		}
		names.forEach(name -> columns.add(name + " p50 / p99"));
		if (withStore) {
			columns.add("floor p50 / p99");
		}
		s.append("%n| %s |%n|%s%n".formatted(String.join(" | ", columns), "---:|".repeat(columns.size())));
		for (var step : r.steps()) {
			s.append(withStore ? "| %,d | %,d |".formatted(step.reports(), step.relationships())
					: "| %,d |".formatted(step.reports()));
			for (var name : names) {
				var rest = step.query(name).rest();
				s.append(" %.1f / %.1f ms |".formatted(rest.p50(), rest.p99()));
			}
			s.append(withStore ? " %.1f / %.1f ms |%n".formatted(step.floor().p50(), step.floor().p99()) : "%n".formatted());
		}
		s.append(withStore ? "| largest / smallest (p99) | |" : "| largest / smallest (p99) |");
		for (var name : names) {
			s.append(" %.2f |".formatted(r.growth(name)));
		}
		s.append(withStore ? " %.2f |%n".formatted(r.steps().getLast().floor().p99() / r.steps().getFirst().floor().p99())
				: "%n".formatted());
	}

	/** The three queries issue 12 sets goals for. */
	static final List<String> GOAL_QUERIES = List.of("theme stocks", "technology stocks", "stock exposure");

	/** The same answers with bounded evidence per item, as dashboards ask for them. */
	static final List<String> DASHBOARD_QUERIES = List.of("theme stocks, newest 5 quotes each",
			"technology stocks, strongest 5 paths each", "stock exposure, strongest 5 paths each");

	private static void goal(StringBuilder s, String figure, String goal, double value, double limit, String unit) {
		s.append("| %s | %s | %.2f%s | %s |%n".formatted(figure, goal, value, unit,
				Double.isNaN(value) || value < 0 ? "not measured" : value <= limit ? "met" : "**missed**"));
	}

}
