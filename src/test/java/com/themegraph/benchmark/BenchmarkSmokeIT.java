package com.themegraph.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark end to end on a tiny corpus: every figure is produced. No timing is
 * asserted (this machine is shared and small). It runs in stores of its own, never in
 * GraphIT's seeded graph, and its service in a process of its own.
 */
class BenchmarkSmokeIT {

	@Test
	void everyFigureIsProducedForATinyCorpus() throws Exception {
		var work = Path.of("target/benchmark-smoke");
		Stores.delete(work);
		var options = Benchmark.Options.parse("--reports=20", "--companies=40", "--technologies=12", "--products=12",
				"--themes=4", "--seed=7", "--work=" + work, "--naive-sample=40", "--per-document-sample=3",
				"--requests=5", "--warmup=1", "--service-heap=512m", "--page-cache=64m");
		var printed = new ByteArrayOutputStream();

		var results = Benchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
		System.out.println(printed.toString(StandardCharsets.UTF_8));

		assertThat(results.corpusRelationships()).isGreaterThan(20 * 40);
		assertThat(results.serviceRelationships()).isPositive();
		assertThat(results.serviceRate()).isPositive();
		assertThat(results.createRate()).isPositive();
		assertThat(results.naiveRate()).isPositive();
		assertThat(results.naiveRelationships()).isEqualTo(40);
		assertThat(results.perDocumentRate()).isPositive();
		assertThat(results.fallbacks()).as("batches loaded one by one").isZero();
		assertThat(results.queries()).extracting(Benchmark.QueryResult::name)
			.containsExactly("theme stocks", "theme stocks, newest 5 quotes each", "technology stocks",
					"technology stocks, strongest 5 paths each", "stock exposure",
					"stock exposure, strongest 5 paths each");
		for (var query : results.queries()) {
			for (var latency : new Benchmark.Latency[] { query.rest(), query.driver() }) {
				assertThat(latency.count()).isEqualTo(5);
				assertThat(latency.p50()).isPositive();
				assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p95()).isGreaterThanOrEqualTo(latency.p50());
			}
		}
		assertThat(results.floor().count()).isEqualTo(5);
		assertThat(results.floor().p50()).isPositive();
		// --reports=20 and the default --steps=10%,25%,100%: the queries timed at 2, 5
		// and
		// 20 reports.
		assertThat(results.steps()).extracting(Benchmark.Step::reports).containsExactly(2, 5, 20);
		assertThat(results.steps()).extracting(Benchmark.Step::relationships).isSorted().doesNotHaveDuplicates();
		for (var step : results.steps()) {
			assertThat(step.queries()).hasSize(6);
			assertThat(step.queries()).allSatisfy(query -> assertThat(query.rest().count()).isEqualTo(5));
			assertThat(step.floor().count()).isEqualTo(5);
		}
		assertThat(results.startSeconds()).isPositive();
		assertThat(results.servicePeakHeap()).isPositive();
		assertThat(results.servicePeakResident()).isPositive();
		assertThat(results.loaderPeakHeap()).isPositive();
		assertThat(results.loaderPeakResident()).isPositive();
		assertThat(results.storeBytes()).isPositive();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("service loader",
				"baseline: plain batched CREATE", "baseline: naive", "first answer after");
		var table = Benchmark.table(results, "");
		assertThat(table).contains("service / naive", "CREATE / service", "REST / driver",
				"start to first answered request", "peak heap", "| floor: GET /app/app.css", "REST / floor (p99)",
				"| largest / smallest (p99) |", "theme stocks: REST p99 / floor p99 | <= 3x",
				"stock exposure: p99 at 20 / at 2 reports | <= 1.5x",
				"service loader time / plain batched CREATE time, same rows | <= 1.5x",
				"service peak heap, full corpus | <= 2 GiB", "Java " + System.getProperty("java.version"));
		assertThat(table.lines().filter(line -> line.matches("\\| (2|5|20) \\| [0-9,]+ \\|.*"))).hasSize(3);
		assertThat(table.lines().filter(line -> line.startsWith("| ") && line.contains(": REST p99, full corpus")))
			.hasSize(3)
			.allMatch(line -> line.endsWith("| met |") || line.endsWith("| **missed** |"));
	}

}
