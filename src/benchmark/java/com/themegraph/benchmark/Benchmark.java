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
import java.util.SplittableRandom;
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
			Path serviceJar, String serviceHeap, boolean queriesOnly) {

		static Options parse(String... args) {
			var values = new LinkedHashMap<String, String>(Map.of("reports", "20000", "companies", "5000",
					"technologies", "500", "products", "1000", "themes", "200", "seed", "42", "work",
					"target/benchmark", "naive-sample", "20000", "per-document-sample", "500", "requests", "1000"));
			values.put("warmup", "200");
			values.put("service-heap", "2g");
			values.put("queries-only", "false");
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
			var sizes = new Sizes(integer(values, "reports"), integer(values, "companies"), integer(values, "technologies"),
					integer(values, "products"), integer(values, "themes"), Long.parseLong(values.get("seed")));
			return new Options(sizes, Path.of(values.get("work")), integer(values, "naive-sample"),
					integer(values, "per-document-sample"), integer(values, "requests"), integer(values, "warmup"),
					values.containsKey("service-jar") ? Path.of(values.get("service-jar")) : null, values.get("service-heap"),
					Boolean.parseBoolean(values.get("queries-only")));
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

	record Results(Sizes sizes, long corpusRelationships, long corpusNodes, double generateSeconds, double serviceSeconds,
			long serviceRelationships, double serviceRate, int batches, int fallbacks, double perDocumentRate,
			double createSeconds, double createRate, double naiveRate, long naiveRelationships, List<QueryResult> queries,
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
		try (var memory = new PeakMemory()) {
			if (options.queriesOnly()) {
				return queries(work.resolve("service-store"), memory, null, null, Double.NaN, 0, new double[] { Double.NaN, Double.NaN },
						Double.NaN, Double.NaN);
			}
			var corpus = work.resolve("corpus-" + options.sizes().reports() + "-" + options.sizes().seed());
			double generateSeconds = generate(corpus);
			var files = corpusFiles(corpus);

			var serviceStore = work.resolve("service-store");
			Stores.delete(serviceStore);
			var rowsDirectory = work.resolve("rows");
			var context = new SpringApplicationBuilder(ThemeGraphApplication.class).web(
					org.springframework.boot.WebApplicationType.NONE)
				// As arguments: they override application.properties, as they would for the service.
				.run("--themegraph.embedded.data-directory=" + serviceStore, "--themegraph.embedded.bolt-port=0",
						"--logging.level.root=WARN", "--logging.level.com.themegraph.ingest.BulkLoader=INFO",
						"--spring.main.banner-mode=off");
			RowsFile rows;
			double perDocumentRate;
			BulkLoader.Summary summary;
			long serviceNanos;
			try {
				var bulk = context.getBean(BulkLoader.class);
				rows = exportRows(context.getBean(DocumentLoader.class), files, rowsDirectory);
				perDocumentRate = perDocument(context.getBean(DocumentLoader.class), files);
				phase("service loader: %,d documents, %,d relationships, batched per %,d relationships", files.size(),
						rows.relationshipCount, 10_000);
				long started = System.nanoTime();
				var inputs = files.stream().map(file -> new BulkLoader.Input(file.getFileName().toString(), () -> read(file))).toList();
				summary = bulk.load(inputs, progress -> out.printf("  %,7d/%,d documents  %,9d relationships  %,8.0f rel/s%n",
						progress.documents(), progress.total(), progress.relationships(),
						progress.relationships() / (progress.nanos() / 1e9)));
				serviceNanos = System.nanoTime() - started;
				if (!summary.refused().isEmpty()) {
					throw new IllegalStateException("The synthetic corpus was refused: " + summary.refused().get(0).getMessage());
				}
			}
			finally {
				context.close();
			}
			double serviceRate = summary.relationships() / (serviceNanos / 1e9);
			out.printf("  %,d relationships in %.1f s: %,.0f rel/s (%d batches, %d loaded one by one)%n",
					summary.relationships(), serviceNanos / 1e9, serviceRate, summary.batches(), summary.fallbacks());

			var create = createBaseline(work.resolve("baseline-store"), rowsDirectory, rows);
			double naiveRate = naiveBaseline(work.resolve("baseline-store"), rowsDirectory);
			return queries(serviceStore, memory, rows, summary, serviceNanos / 1e9, generateSeconds, create, naiveRate,
					perDocumentRate);
		}
	}

	/** Starts the service on the loaded store and times its queries; then every figure is in. */
	private Results queries(Path serviceStore, PeakMemory memory, RowsFile rows, BulkLoader.Summary summary,
			double serviceSeconds, double generateSeconds, double[] create, double naiveRate, double perDocumentRate)
			throws Exception {
		{
			long naiveCount = rows == null ? 0 : Math.min(options.naiveSample(), rows.relationshipCount);
			long storeBytes = size(serviceStore);

			phase("service started on the loaded store (%,d MB on disk)", storeBytes >> 20);
			var queries = new ArrayList<QueryResult>();
			double startSeconds;
			long servicePeakHeap;
			long servicePeakResident;
			var probe = "/api/stocks/" + CorpusGenerator.companyCode(0);
			try (var service = ServiceProcess.start(options.serviceJar(), serviceStore, serviceStore.resolveSibling("logs"),
					options.serviceHeap(), probe)) {
				startSeconds = service.startToFirstAnswerNanos / 1e9;
				out.printf("  first answer after %.1f s (pid %d)%n", startSeconds, service.pid());
				queries.add(latency(service, "theme stocks", "theme"));
				queries.add(latency(service, "theme stocks, newest 5 quotes each", "theme-newest"));
				queries.add(latency(service, "technology stocks", "technology"));
				queries.add(latency(service, "stock exposure", "exposure"));
				service.close();
				servicePeakHeap = service.peakHeapBytes();
				servicePeakResident = service.peakResidentBytes();
			}
			return new Results(options.sizes(), rows == null ? 0 : rows.relationshipCount, rows == null ? 0 : rows.nodeCount,
					generateSeconds, serviceSeconds, summary == null ? 0 : summary.relationships(),
					summary == null ? Double.NaN : summary.relationships() / serviceSeconds, summary == null ? 0 : summary.batches(),
					summary == null ? 0 : summary.fallbacks(), perDocumentRate, create[0], create[1], naiveRate, naiveCount,
					queries, startSeconds,
					memory.peakHeapBytes(), PeakMemory.peakResidentBytes(ProcessHandle.current().pid()), servicePeakHeap,
					servicePeakResident, PeakMemory.maxHeapBytes(), storeBytes, machine(),
					ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		}
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
	 * sample. Its reports are then skipped as unchanged by the bulk load that follows.
	 */
	private double perDocument(DocumentLoader loader, List<Path> files) {
		if (options.perDocumentSample() == 0) {
			return Double.NaN;
		}
		phase("service loader, one transaction per report (DocumentLoader.load), on %,d reports", options.perDocumentSample());
		loader.load(read(files.get(0)), files.get(0).getFileName().toString());
		long relationships = 0;
		long started = System.nanoTime();
		for (var file : files.subList(1, Math.min(files.size(), 1 + options.perDocumentSample()))) {
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
		try (var stores = Stores.start(store); var session = stores.driver().session()) {
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
		try (var stores = Stores.start(store); var session = stores.driver().session()) {
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

	/**
	 * One endpoint through REST and the same Cypher through the driver, alternating request by
	 * request over the same targets, after a warm-up of both.
	 */
	private QueryResult latency(ServiceProcess service, String name, String kind) throws Exception {
		phase("%s: %,d requests through REST and %,d through the driver (after %,d warm-up each)", name,
				options.requests(), options.requests(), options.warmup());
		var random = new SplittableRandom(options.sizes().seed() + kind.hashCode());
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		var rest = new long[options.requests()];
		var driverTimes = new long[options.requests()];
		try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + service.boltPort,
				AuthTokens.basic("neo4j", ServiceProcess.PASSWORD), Stores.QUIET)) {
			// Targets drawn from what the corpus holds: a small corpus leaves some themes unused.
			var targets = driver.executableQuery(switch (kind) {
				case "theme", "theme-newest" -> "MATCH (t:Theme) WHERE t.id STARTS WITH 'syn-' RETURN t.id AS id ORDER BY id";
				case "technology" -> "MATCH (t:Technology) WHERE t.id STARTS WITH 'syn-' RETURN t.id AS id ORDER BY id";
				default -> "MATCH (c:Company) WHERE c.name STARTS WITH '合成' RETURN c.code AS id ORDER BY id";
			}).execute().records().stream().map(record -> record.get("id").asString()).toList();
			for (int i = -options.warmup(); i < options.requests(); i++) {
				String target = targets.get(random.nextInt(targets.size()));
				var path = switch (kind) {
					case "theme" -> "/api/themes/" + target + "/stocks";
					case "theme-newest" -> "/api/themes/" + target + "/stocks?evidenceLimit=5";
					case "technology" -> "/api/technologies/" + target + "/stocks";
					default -> "/api/stocks/" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "/exposure";
				};
				var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort + path))
					.timeout(Duration.ofSeconds(60))
					.build();
				long started = System.nanoTime();
				var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				long restNanos = System.nanoTime() - started;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
							+ new String(response.body(), StandardCharsets.UTF_8));
				}
				started = System.nanoTime();
				driverQueries(driver, kind, target);
				long driverNanos = System.nanoTime() - started;
				if (i >= 0) {
					rest[i] = restNanos;
					driverTimes[i] = driverNanos;
				}
				if (i >= 0 && (i + 1) % Math.max(1, options.requests() / 4) == 0) {
					out.printf("  %,6d/%,d%n", i + 1, options.requests());
				}
			}
		}
		var result = new QueryResult(name, Latency.of(rest), Latency.of(driverTimes));
		out.printf("  REST p50 %.1f p95 %.1f p99 %.1f ms; driver p50 %.1f p95 %.1f p99 %.1f ms%n", result.rest().p50(),
				result.rest().p95(), result.rest().p99(), result.driver().p50(), result.driver().p95(), result.driver().p99());
		return result;
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
					case "technology" -> {
						tx.run(Cypher.ENTITY_BY_ID, Values.parameters("id", target)).list(Record::asMap);
						tx.run(Cypher.TECHNOLOGY_STOCKS, Values.parameters("id", target, "skip", 0, "limit", 50, "since",
								null, "until", null, "sort", "rank")).list(Record::asMap);
					}
					default -> {
						tx.run(Cypher.STOCK_BY_CODE, Values.parameters("code", target)).list(Record::asMap);
						tx.run(Cypher.STOCK_THEMES, Values.parameters("code", target, "skip", 0, "limit", 50, "since", null,
								"until", null)).list(Record::asMap);
						tx.run(Cypher.STOCK_EXPOSURE, Values.parameters("code", target, "skip", 0, "limit", 50, "since",
								null, "until", null, "sort", "rank")).list(Record::asMap);
					}
				}
				return null;
			});
		}
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
		s.append("| query (%,d requests) | REST p50 | p95 | p99 | driver p50 | p95 | p99 | REST / driver (p99) |%n"
			.formatted(r.queries().isEmpty() ? 0 : r.queries().get(0).rest().count()));
		s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (var q : r.queries()) {
			s.append("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f |%n".formatted(q.name(),
					q.rest().p50(), q.rest().p95(), q.rest().p99(), q.driver().p50(), q.driver().p95(), q.driver().p99(),
					q.ratio()));
		}
		s.append("%n| memory and start | |%n|---|---:|%n".formatted());
		s.append("| service: start to first answered request, full corpus on disk | %.1f s |%n".formatted(r.startSeconds()));
		s.append("| service: peak heap (GC log) / peak RSS (VmHWM), -Xmx%s | %,d MiB / %,d MiB |%n".formatted("2g",
				r.servicePeakHeap() >> 20, r.servicePeakResident() >> 20));
		if (!Double.isNaN(r.serviceRate())) {
			s.append("| benchmark JVM (loader and baselines): peak heap / peak RSS, max heap %,d MiB | %,d MiB / %,d MiB |%n"
				.formatted(r.maxHeap() >> 20, r.loaderPeakHeap() >> 20, r.loaderPeakResident() >> 20));
		}
		s.append("| store on disk | %,d MiB |%n".formatted(r.storeBytes() >> 20));
		s.append("%nMachine: %s. Date: %s. Arguments: %s%n".formatted(r.machine(), r.date(), args.isBlank() ? "(defaults)" : args));
		return s.toString();
	}

}
