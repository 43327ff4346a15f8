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
				"--requests=5", "--warmup=1", "--service-heap=512m");
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
					"stock exposure");
		for (var query : results.queries()) {
			for (var latency : new Benchmark.Latency[] { query.rest(), query.driver() }) {
				assertThat(latency.count()).isEqualTo(5);
				assertThat(latency.p50()).isPositive();
				assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p95()).isGreaterThanOrEqualTo(latency.p50());
			}
		}
		assertThat(results.startSeconds()).isPositive();
		assertThat(results.servicePeakHeap()).isPositive();
		assertThat(results.servicePeakResident()).isPositive();
		assertThat(results.loaderPeakHeap()).isPositive();
		assertThat(results.loaderPeakResident()).isPositive();
		assertThat(results.storeBytes()).isPositive();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("service loader",
				"baseline: plain batched CREATE", "baseline: naive", "first answer after");
		assertThat(Benchmark.table(results, "")).contains("service / naive", "CREATE / service", "REST / driver",
				"start to first answered request", "peak heap");
	}

}
