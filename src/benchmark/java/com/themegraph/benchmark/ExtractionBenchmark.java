package com.themegraph.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import com.themegraph.ThemeGraphApplication;
import com.themegraph.extract.PdfReports;
import com.themegraph.extract.ReportExtractor;
import com.themegraph.extract.TestPdfs;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How long drafting takes, per text report and per PDF page, as {@code bin/benchmark
 * extraction} prints it: the service's own extractor beans on a store holding the seed
 * data (so every extraction reads the graph's known names, as a request does), timed in
 * one thread after a warm-up, median and 90th percentile. Texts: the seed report's and
 * generated reports of realistic sizes (invented, in the seed's layout, naming the seed's
 * companies); PDFs: those texts laid out on A4 pages in a CJK font (TestPdfs, so Debian's
 * fonts-wqy-zenhei). Goals (issue 11): median at most 100 ms per text report and 300 ms
 * per PDF page. Options: --runs (timed extractions per input), --warmup, --work.
 */
public final class ExtractionBenchmark {

	record Figures(String input, int size, int pages, double median, double p90, int runs) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExtractionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var options = new LinkedHashMap<>(Map.of("runs", "30", "warmup", "20", "work", "target/benchmark"));
		for (var arg : args) {
			var name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
			if (name == null || !options.containsKey(name)) {
				throw new IllegalArgumentException("Arguments are --name=value, names " + options.keySet() + "; got " + arg);
			}
			options.put(name, arg.substring(arg.indexOf('=') + 1));
		}
		int runs = Integer.parseInt(options.get("runs"));
		int warmup = Integer.parseInt(options.get("warmup"));
		var work = Path.of(options.get("work")).toAbsolutePath();
		var store = work.resolve("extraction-store");
		Stores.delete(store);
		Files.createDirectories(work);

		var seedText = JSON.readTree(Path.of("seed-data/reports/tebon-2024-03-sora.json").toFile())
			.path("text")
			.asString();
		var texts = new LinkedHashMap<String, String>();
		texts.put("seed report text", seedText);
		var random = new SplittableRandom(42);
		for (int size : new int[] { 10_000, 30_000, 60_000 }) {
			texts.put("generated report, " + size / 1000 + "k characters", ReportTexts.generate(random, size));
		}
		var pdfs = new LinkedHashMap<String, byte[]>();
		var pageCounts = new LinkedHashMap<String, Integer>();
		for (var entry : texts.entrySet()) {
			var pages = ReportTexts.pages(entry.getValue());
			pdfs.put(entry.getKey() + " as PDF", TestPdfs.pages(pages));
			pageCounts.put(entry.getKey() + " as PDF", pages.size());
		}

		System.out.printf("Starting the service's beans on a seeded store in %s%n", store);
		var context = new SpringApplicationBuilder(ThemeGraphApplication.class).web(WebApplicationType.NONE)
			.run("--themegraph.embedded.data-directory=" + store, "--themegraph.embedded.bolt-port=0",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		var results = new ArrayList<Figures>();
		try {
			var extractor = context.getBean(ReportExtractor.class);
			var pdfReports = context.getBean(PdfReports.class);
			for (var entry : texts.entrySet()) {
				var text = entry.getValue();
				results.add(time(entry.getKey(), text.length(), 1, warmup, runs, () -> extractor.extract(text)));
				System.out.println("  " + line(results.getLast()));
			}
			for (var entry : pdfs.entrySet()) {
				var pdf = entry.getValue();
				results.add(time(entry.getKey(), pdf.length, pageCounts.get(entry.getKey()), warmup, runs,
						() -> pdfReports.extract(pdf)));
				System.out.println("  " + line(results.getLast()));
			}
		}
		finally {
			context.close();
		}
		var table = table(results, Benchmark.machine(), String.join(" ", args));
		System.out.println();
		System.out.println(table);
		Files.writeString(work.resolve("extraction.md"), table);
		System.out.println("Written to " + work.resolve("extraction.md"));
		System.exit(0);
	}

	/**
	 * Wall-clock milliseconds per extraction, divided by the pages for a PDF, after
	 * {@code warmup} untimed runs (the JIT compiles the extractor and PDFBox meanwhile).
	 */
	static Figures time(String input, int size, int pages, int warmup, int runs, Supplier<?> extraction) {
		for (int i = 0; i < warmup; i++) {
			extraction.get();
		}
		var millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			extraction.get();
			millis[i] = (System.nanoTime() - start) / 1e6 / pages;
		}
		Arrays.sort(millis);
		return new Figures(input, size, pages, percentile(millis, 50), percentile(millis, 90), runs);
	}

	static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	static String line(Figures f) {
		return "%s: median %.1f ms, p90 %.1f ms per %s (%d runs)".formatted(f.input(), f.median(), f.p90(),
				f.pages() > 1 || f.input().endsWith("PDF") ? "page" : "report", f.runs());
	}

	static String table(List<Figures> results, String machine, String args) {
		var s = new StringBuilder();
		s.append("| input | size | pages | median | p90 | per | goal |\n|---|---|---|---|---|---|---|\n");
		for (var f : results) {
			boolean pdf = f.input().endsWith("as PDF");
			s.append("| %s | %,d %s | %s | %.1f ms | %.1f ms | %s | %s |\n".formatted(f.input(), f.size(),
					pdf ? "bytes" : "characters", pdf ? Integer.toString(f.pages()) : "", f.median(), f.p90(),
					pdf ? "page" : "report", pdf ? (f.median() <= 300 ? "<= 300 ms: met" : "<= 300 ms: NOT met")
							: (f.median() <= 100 ? "<= 100 ms: met" : "<= 100 ms: NOT met")));
		}
		s.append("%nMachine: %s. Date: %s. Arguments: %s%n".formatted(machine,
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), args.isBlank() ? "(defaults)" : args));
		return s.toString();
	}

}
