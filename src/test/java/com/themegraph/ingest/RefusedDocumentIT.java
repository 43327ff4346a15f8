package com.themegraph.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.themegraph.GraphIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A refused document says where it is wrong and leaves the graph exactly as it was. */
class RefusedDocumentIT extends GraphIT {

	@Autowired
	DocumentLoader loader;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	ObjectNode seedReport() throws IOException {
		try (var in = new ClassPathResource("seed-data/reports/tebon-2024-03-sora.json").getInputStream()) {
			var report = (ObjectNode) json.readTree(in);
			// A new id, so the refusal cannot be the "unchanged" shortcut.
			report.put("id", "tebon-2024-03-sora-copy");
			return report;
		}
	}

	InvalidDocumentException refused(ObjectNode document) {
		var before = snapshot();
		var refusal = catchThrowableOfType(InvalidDocumentException.class,
				() -> loader.load(document, "reports/broken.json"));
		assertSameGraph(snapshot(), before, "graph after refusal");
		return refusal;
	}

	@Test
	void aQuoteThatIsNotInTheTextIsRefusedWithItsPointer() throws IOException {
		var report = seedReport();
		((ObjectNode) report.withArray("themes").get(1).withArray("companies").get(2)).put("quote", "上海电影是第一名");
		var refusal = refused(report);
		assertThat(refusal.violations()).singleElement()
			.satisfies(v -> assertThat(v.pointer()).isEqualTo("/themes/1/companies/2/quote"))
			.satisfies(v -> assertThat(v.message()).contains("does not occur verbatim"));
		assertThat(refusal.getMessage()).startsWith("reports/broken.json: /themes/1/companies/2/quote");
	}

	@Test
	void anUnknownCompanyInTheLastRecommendationWritesNothing() throws IOException {
		var report = seedReport();
		var companies = (ArrayNode) report.withArray("themes").get(3).withArray("companies");
		((ObjectNode) companies.get(companies.size() - 1)).put("code", "600947.SH");
		var refusal = refused(report);
		assertThat(refusal.violations()).singleElement().satisfies(v -> {
			assertThat(v.pointer()).isEqualTo("/themes/3/companies/6/code");
			assertThat(v.message()).contains("unknown id \"600947.SH\"");
		});
	}

	@Test
	void aThemeWithNoCompaniesIsRefusedWithItsPointer() throws IOException {
		var report = seedReport();
		report.withArray("themes").get(2).withArray("companies").removeAll();
		var refusal = refused(report);
		assertThat(refusal.violations()).singleElement()
			.satisfies(v -> assertThat(v.pointer()).isEqualTo("/themes/2/companies"));
	}

	@Test
	void schemaViolationsAreAllListedWithTheirPointers() throws IOException {
		var report = seedReport();
		report.remove("title");
		report.put("rating", 5);
		((ObjectNode) report.withArray("themes").get(0).withArray("companies").get(0)).put("code", "300624");
		var refusal = refused(report);
		assertThat(refusal.violations()).extracting(Violation::pointer)
			.contains("", "/rating", "/themes/0/companies/0/code");
		assertThat(refusal.violations()).anySatisfy(v -> assertThat(v.message()).contains("title"));
	}

	/**
	 * The checks catch a missing entity before writing; this shows the transaction still
	 * holds if one slips past them (say, deleted by another writer meanwhile): the
	 * report's nodes and edges are written, then its last relationship finds no end, and
	 * everything goes.
	 */
	@Test
	void aReportWhoseLastRelationshipFailsMidWriteLeavesNothing() throws IOException {
		var before = snapshot();
		var report = seedReport();
		var failure = catchThrowableOfType(ConcurrentWriteException.class,
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					loader.load(report, "reports/copy.json");
					assertThat(count("MATCH (r:Report {id: 'tebon-2024-03-sora-copy'}) RETURN count(r)")).isEqualTo(1);
					loader.writeRelationships(List.of(new WritePlan.RelationshipRow("MENTIONS",
							"tebon-2024-03-sora-copy", "no-such-entity", Map.of("source", "tebon-2024-03-sora-copy"))));
				}));
		assertThat(failure).hasMessageContaining("only 0 of 1 relationships found both their ends");
		assertSameGraph(snapshot(), before, "the graph");
	}

	@Test
	void anIdThatAlreadyNamesAnotherKindIsRefused() throws IOException {
		var report = seedReport();
		var technology = report.withObject("entities").withArray("technologies").addObject();
		technology.put("id", "openai");
		technology.put("name", "OpenAI tech");
		var refusal = refused(report);
		assertThat(refusal.violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).contains("already names a Organization"));
	}

}
