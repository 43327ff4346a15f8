package com.themegraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.themegraph.ingest.CompanyDirectory;
import com.themegraph.ingest.DirectorySnapshot;
import com.themegraph.ingest.InvalidDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code themegraph companies import FILE.csv [--source NAME] --as-of DATE}: a
 * listed-company directory (AKShare, Tushare {@code stock_basic}, the HKEX List of
 * Securities as CSV) into the graph, so the extractor resolves the companies reports name
 * beyond the curated ones.
 */
@Command(name = "companies", mixinStandardHelpOptions = true,
		description = "Listed-company directories: companies reports may name, beyond the curated entity files.",
		subcommands = { CompaniesCommand.Import.class })
class CompaniesCommand {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Adds or updates the companies of a directory file (UTF-8 CSV: an AKShare list such as "
					+ "stock_info_a_code_name, stock_hk_spot_em or stock_us_spot_em, Tushare stock_basic, hk_basic or "
					+ "namechange, or the HKEX List of Securities saved as CSV), owned by --source. A changed short "
					+ "name becomes a former name until --as-of. Companies another source defined are left as they "
					+ "are. Exits 1 if the file is refused.")
	static class Import implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "the directory file (CSV, UTF-8)")
		Path file;

		@Option(names = "--source", defaultValue = DirectorySnapshot.SOURCE,
				description = "the source the companies belong to; the default, ${DEFAULT-VALUE}, refreshes the shipped "
						+ "directory snapshot")
		String source;

		@Option(names = "--as-of", required = true, description = "the date the list was exported, YYYY-MM-DD")
		String asOf;

		@Override
		public Integer call() throws IOException {
			try (var session = GraphSession.open();
					var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				var imported = session.bean(CompanyDirectory.class)
					.importFile(reader, file.getFileName().toString(), source, asOf);
				imported.skipped().forEach(line -> ThemeGraphCli.console().println("skipped: " + file + ": " + line));
				System.out.printf(
						"%s directory %s: %d added, %d updated, %d unchanged, %d left to other sources, "
								+ "%d lines skipped%n",
						imported.layout().name().toLowerCase(java.util.Locale.ROOT), source, imported.added(),
						imported.updated(), imported.unchanged(), imported.otherSources(), imported.skipped().size());
				return 0;
			}
			catch (InvalidDocumentException ex) {
				ThemeGraphCli.console().println("refused: " + ex.getMessage());
				return 1;
			}
		}

	}

}
