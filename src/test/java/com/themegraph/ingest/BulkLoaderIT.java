package com.themegraph.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bulk loader gives each document the outcome loading it alone would: unchanged ones
 * are skipped, a bad one is refused with the same violations, and nothing else changes.
 * (Only documents the shared graph already holds, or refused ones, so other tests' counts
 * stay true.)
 */
class BulkLoaderIT extends GraphIT {

	@Autowired
	BulkLoader bulk;

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	JsonNode read(String resource) {
		try (var in = new ClassPathResource(resource).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	List<BulkLoader.Input> seedDocuments() throws IOException {
		var inputs = new ArrayList<BulkLoader.Input>();
		for (var folder : List.of("entities", "reports")) {
			for (var file : new PathMatchingResourcePatternResolver()
				.getResources("classpath:seed-data/" + folder + "/*.json")) {
				var resource = "seed-data/" + folder + "/" + file.getFilename();
				inputs.add(new BulkLoader.Input(resource, () -> read(resource)));
			}
		}
		return inputs;
	}

	ObjectNode copyOfSeedReport(String id) {
		var report = (ObjectNode) read("seed-data/reports/" + SEED_REPORT + ".json");
		report.put("id", id);
		return report;
	}

	@Test
	void loadingTheSeedDataInBulkChangesNothingAndSkipsTheUnchangedReport() throws IOException {
		var before = snapshot();

		var summary = bulk.load(seedDocuments(), progress -> {
		});

		assertThat(summary.refused()).isEmpty();
		assertThat(summary.results()).filteredOn(result -> result.id().equals(SEED_REPORT))
			.singleElement()
			.extracting(LoadResult::outcome)
			.isEqualTo(LoadResult.Outcome.UNCHANGED);
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void aBadReportInABatchIsRefusedAloneWithTheMessageLoadingItAloneGives() throws IOException {
		var unknownCompany = copyOfSeedReport("bulk-unknown-company");
		var companies = (ArrayNode) unknownCompany.withArray("themes").get(3).withArray("companies");
		((ObjectNode) companies.get(companies.size() - 1)).put("code", "600947.SH");
		var badQuote = copyOfSeedReport("bulk-bad-quote");
		((ObjectNode) badQuote.withArray("themes").get(1).withArray("companies").get(2)).put("quote", "上海电影是第一名");
		var alone = catchThrowableOfType(InvalidDocumentException.class,
				() -> loader.load(unknownCompany, "reports/unknown-company.json"));
		var inputs = new ArrayList<>(seedDocuments());
		inputs.add(new BulkLoader.Input("reports/unknown-company.json", () -> unknownCompany));
		inputs.add(new BulkLoader.Input("reports/bad-quote.json", () -> badQuote));
		inputs.add(new BulkLoader.Input("reports/not-json.json", () -> json.readTree("{\"kind\": ")));
		var before = snapshot();

		var summary = bulk.load(inputs, progress -> {
		});

		assertThat(summary.refused()).extracting(InvalidDocumentException::origin)
			.containsExactly("reports/bad-quote.json", "reports/not-json.json", "reports/unknown-company.json");
		assertThat(summary.refused().get(2).violations()).isEqualTo(alone.violations());
		assertThat(summary.refused().get(0).violations()).singleElement()
			.satisfies(v -> assertThat(v.pointer()).isEqualTo("/themes/1/companies/2/quote"));
		assertThat(summary.fallbacks()).as("batches loaded one by one to find the bad report").isEqualTo(1);
		assertThat(summary.results()).filteredOn(result -> result.id().equals(SEED_REPORT))
			.singleElement()
			.extracting(LoadResult::outcome)
			.isEqualTo(LoadResult.Outcome.UNCHANGED);
		assertSameGraph(snapshot(), before, "the graph");
	}

}
