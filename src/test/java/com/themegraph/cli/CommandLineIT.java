package com.themegraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.themegraph.extract.TestPdfs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's command line, run in-process on a store of its own (not the shared test
 * instance): what an analyst types, the exit code and the lines they read.
 */
class CommandLineIT {

	@TempDir
	static Path store;

	record Run(int exit, String out, String err) {
	}

	@BeforeAll
	static void ownStore() {
		System.setProperty("themegraph.embedded.data-directory", store.resolve("data").toString());
		System.setProperty("themegraph.embedded.bolt-port", "0");
		System.setProperty("themegraph.embedded.page-cache", "32m");
	}

	@AfterAll
	static void release() {
		System.clearProperty("themegraph.embedded.data-directory");
		System.clearProperty("themegraph.embedded.bolt-port");
		System.clearProperty("themegraph.embedded.page-cache");
	}

	static Run run(String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		var originalOut = System.out;
		var originalErr = System.err;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			var exit = ThemeGraphCli.execute(args);
			return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
	}

	/**
	 * Three runs, since each opens the store: load with refusals, validate, load again.
	 */
	@Test
	void loadRefusesBadFilesOneLineEachValidateWritesNothingAndReloadingChangesNothing() throws IOException {
		var folder = Files.createDirectories(store.resolve("incoming"));
		var fixture = Files.readString(Path.of("src/test/resources/fixtures/test-fixture-second-report.json"));
		Files.writeString(folder.resolve("second.json"), fixture, StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("broken.json"), "{\"kind\": \"report\",", StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("unknown.json"),
				fixture.replace("\"test-fixture-second-report\"", "\"test-fixture-unknown-company\"")
					.replace("\"1357.HK\"", "\"600947.SH\""),
				StandardCharsets.UTF_8);

		var load = run("load", folder.toString());
		assertThat(load.exit()).as(load.err()).isEqualTo(1);
		assertThat(load.out()).contains("0 entity files merged; reports: 1 new, 0 unchanged, 0 updated, 2 refused");
		var refusals = load.err().lines().filter(line -> line.startsWith("refused: ")).toList();
		assertThat(refusals).hasSize(2);
		assertThat(refusals).anySatisfy(line -> assertThat(line).contains("broken.json: not valid JSON"));
		assertThat(refusals).anySatisfy(line -> assertThat(line).contains("unknown.json: /themes/0/companies/1/code")
			.contains("unknown id \"600947.SH\""));

		var other = store.resolve("validate-only.json");
		Files.writeString(other, fixture.replace("\"test-fixture-second-report\"", "\"test-fixture-validate-only\""),
				StandardCharsets.UTF_8);
		var missing = store.resolve("nope.json");
		var validate = run("validate", folder.resolve("second.json").toString(), other.toString(), missing.toString());
		assertThat(validate.exit()).isEqualTo(1);
		assertThat(validate.out()).contains("2 valid, 1 invalid");
		assertThat(validate.err().lines().filter(line -> line.startsWith("invalid: ")))
			.containsExactly("invalid: " + missing + ": no such file");

		// Had validate written validate-only.json, this would find it unchanged.
		var reload = run("load", folder.resolve("second.json").toString(), other.toString());
		assertThat(reload.exit()).isZero();
		assertThat(reload.out()).contains("reports: 1 new, 1 unchanged, 0 updated, 0 refused");
	}

	@Test
	void extractDraftsTheSeedReportWithItsRecommendationsResolvedToCodes() throws IOException {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		var seedText = store.resolve("seed-report.txt");
		Files.writeString(seedText,
				mapper.readTree(Path.of("seed-data/reports/tebon-2024-03-sora.json").toFile()).path("text").asString());
		var draftFile = store.resolve("draft.json");
		var run = run("extract", seedText.toString(), "--output", draftFile.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		var draft = mapper.readTree(draftFile.toFile());
		assertThat(draft.path("kind").asString()).isEqualTo("report");
		assertThat(draft.path("themes").size()).isEqualTo(4);
		assertThat(draft.path("themes").get(0).path("companies").findValuesAsString("code"))
			.containsExactly("300624.SZ", "300418.SZ", "1357.HK", "300459.SZ", "603466.SH");
		assertThat(draft.has("review")).isTrue();

		var empty = store.resolve("empty.txt");
		Files.writeString(empty, "  \n");
		var refused = run("extract", empty.toString());
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err().strip()).isEqualTo("themegraph: " + empty + ": the file is empty");
	}

	/**
	 * A directory file written here (invented companies), imported twice, and a wrong
	 * one.
	 */
	@Test
	void companiesImportReadsADirectoryAndSaysWhatItDid() throws IOException {
		var file = store.resolve("a-shares.csv");
		Files.writeString(file, "code,name\n600946,测目己\n000946,测目庚\n300459,汤姆猫\n", StandardCharsets.UTF_8);
		var first = run("companies", "import", file.toString(), "--source", "TEST FIXTURE cli directory", "--as-of",
				"2026-11-30");
		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(first.out().strip()).isEqualTo("akshare directory TEST FIXTURE cli directory: 2 added, 0 updated, "
				+ "0 unchanged, 1 left to other sources, 0 lines skipped");
		var again = run("companies", "import", file.toString(), "--source", "TEST FIXTURE cli directory", "--as-of",
				"2026-11-30");
		assertThat(again.out().strip()).isEqualTo("akshare directory TEST FIXTURE cli directory: 0 added, 0 updated, "
				+ "2 unchanged, 1 left to other sources, 0 lines skipped");

		var wrong = store.resolve("wrong.csv");
		Files.writeString(wrong, "ticker,company\n600947,测无\n", StandardCharsets.UTF_8);
		var refused = run("companies", "import", wrong.toString(), "--source", "x", "--as-of", "2026-11-30");
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).contains("not a listed-company directory: expected an AKShare list");
	}

	@Test
	void extractReadsAPdfKnownByItsHeaderAndRefusesABadOneInOneLine() throws IOException {
		TestPdfs.requireFont();
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		// No .pdf in the name: the %PDF- header says what it is.
		var report = store.resolve("weekly-report.data");
		Files.write(report,
				TestPdfs.pages(List.of(
						List.of("传媒", "证券分析师", "林知远", "资格编号：S0120523040007", "建议关注 AI 视频工具公司：【万兴科技，昆仑万维，美图公司】等。"),
						List.of("风险提示：技术进展不及预期。"))));
		var draftFile = store.resolve("pdf-draft.json");
		var run = run("extract", report.toString(), "--output", draftFile.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		var draft = mapper.readTree(draftFile.toFile());
		assertThat(draft.path("themes").get(0).path("companies").findValuesAsString("code"))
			.containsExactly("300624.SZ", "300418.SZ", "1357.HK");
		assertThat(draft.path("text").asString()).contains("【万兴科技，昆仑万维，美图公司】");

		var scanned = store.resolve("scanned.pdf");
		Files.write(scanned, TestPdfs.scanned());
		var refused = run("extract", scanned.toString());
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err().strip())
			.startsWith("themegraph: " + scanned + ": The PDF's 2 page(s) have no text layer")
			.doesNotContain("\n");

		var notPdf = store.resolve("renamed.pdf");
		Files.writeString(notPdf, "传媒行业周报");
		var wrongName = run("extract", notPdf.toString());
		assertThat(wrongName.exit()).isEqualTo(2);
		assertThat(wrongName.err().strip())
			.isEqualTo("themegraph: " + notPdf + ": not a PDF (no %PDF- header); damaged or not a PDF at all");
		assertThat(refused.out()).isEmpty();
	}

	@Test
	void usageErrorsExitNonZeroWithoutStartingAnything() {
		var run = run("load");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("Missing required parameter: 'PATH'");

		// A mistyped command used to start the whole service on the default ports.
		var unknown = run("frobnicate");
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unmatched argument at index 0: 'frobnicate'").contains("Usage: themegraph");
		var none = run();
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.err()).contains("Missing command").contains("Usage: themegraph");
	}

}
