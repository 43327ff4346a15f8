package com.themegraph.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic corpus is the same for the same seed, and every quote is in its report's
 * text.
 */
class CorpusGeneratorTests {

	static final CorpusGenerator.Sizes SIZES = new CorpusGenerator.Sizes(100, 200, 50, 80, 10, 42);

	@Test
	void theSameSeedGivesTheSameDocumentsAndAnotherSeedOthers() {
		var generator = new CorpusGenerator(SIZES);
		assertThat(new CorpusGenerator(SIZES).report(17)).isEqualTo(generator.report(17));
		assertThat(new CorpusGenerator(SIZES).entities()).isEqualTo(generator.entities());
		var otherSeed = new CorpusGenerator(new CorpusGenerator.Sizes(100, 200, 50, 80, 10, 43));
		assertThat(otherSeed.report(17)).isNotEqualTo(generator.report(17));
	}

	@Test
	void everyQuoteOccursVerbatimInTheTextAndIdsSaySynthetic() {
		for (int index = 1; index <= 20; index++) {
			var report = new CorpusGenerator(SIZES).report(index);
			var text = report.path("text").asString();
			var quotes = new ArrayList<String>();
			collectQuotes(report, quotes);
			assertThat(quotes).hasSizeGreaterThan(40).allSatisfy(quote -> assertThat(text).contains(quote));
			assertThat(report.path("id").asString()).startsWith("syn-report-");
			report.path("themes")
				.forEach(theme -> assertThat(theme.path("companies")).hasSize(6)
					.allSatisfy(company -> assertThat(company.path("name").asString()).startsWith("合成公司")));
		}
	}

	private static void collectQuotes(JsonNode node, List<String> quotes) {
		if (node.isObject()) {
			node.properties().forEach(entry -> {
				if (entry.getKey().endsWith("uote")) {
					quotes.add(entry.getValue().asString());
				}
				else {
					collectQuotes(entry.getValue(), quotes);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach(child -> collectQuotes(child, quotes));
		}
	}

}
