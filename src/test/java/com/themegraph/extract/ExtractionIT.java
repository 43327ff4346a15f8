package com.themegraph.extract;

import com.themegraph.GraphIT;
import com.themegraph.ingest.DocumentLoader;
import com.themegraph.ingest.InvalidDocumentException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The extractor against the seeded graph: its draft of the seed report's text scored
 * against the hand-curated seed document, and checked by the loader as a person would
 * submit it.
 */
class ExtractionIT extends GraphIT {

	@Autowired
	ReportExtractor extractor;

	@Autowired
	DocumentLoader loader;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * Every check a load makes, as {@code bin/themegraph validate} runs them: the load is
	 * rolled back.
	 */
	private void validate(JsonNode document, String origin) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			loader.load(document, origin);
		});
	}

	static final JsonNode CURATED = SeedNames.seedReport();

	@Test
	void theSeedTextScoresAgainstTheCuratedDocument() {
		var draft = extractor.extract(CURATED.path("text").asString());
		var score = DraftScore.of(draft, CURATED);
		System.out
			.println(score.summary("ExtractionIT, seed report text vs seed-data/reports/tebon-2024-03-sora.json"));
		assertThat(score.recommendationRecall()).as("recommendations recall").isEqualTo(1.0);
		assertThat(score.groupsDistinct()).as("each curated group found as its own group").isTrue();
		assertThat(score.entityRecall()).as("entity mentions recall").isGreaterThanOrEqualTo(0.9);
		assertThat(score.entityPrecision()).as("entity mentions precision").isGreaterThanOrEqualTo(0.9);
		assertThat(DraftScore.codes(draft.path("themes").get(0))).contains("300624.SZ");
		assertThat(draft.path("themes").get(0).path("companies").get(0).path("name").asString()).isEqualTo("万兴科技");
	}

	@Test
	void extractingWritesNothing() {
		var before = snapshot();
		extractor.extract(CURATED.path("text").asString());
		extractor.extract(MessyText.interleaved(CURATED.path("text").asString(), 40, 18));
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void aDraftIsRefusedUntilReviewedThenPassesEveryCheckTheLoaderMakes() {
		for (var text : new String[] { CURATED.path("text").asString(),
				MessyText.wrapped(CURATED.path("text").asString(), 29),
				MessyText.fullWidth(CURATED.path("text").asString()) }) {
			var draft = (ObjectNode) extractor.extract(text);
			var refusal = catchThrowableOfType(InvalidDocumentException.class, () -> validate(draft, "draft"));
			assertThat(refusal.getMessage()).contains("review").contains("published");

			// What the reviewer does: settle what review lists, then delete it.
			draft.remove("review");
			draft.putObject("published")
				.put("earliest", "2024-03-10")
				.put("latest", "2024-03-26")
				.put("precision", "range");
			// Schema, verbatim quotes and every id against the graph: nothing thrown is
			// the pass.
			validate(draft, "reviewed draft");
		}
	}

}
