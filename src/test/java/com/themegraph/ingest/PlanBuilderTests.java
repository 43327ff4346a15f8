package com.themegraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Plans checked without a database: values Neo4j could not index are refused before
 * writing.
 */
class PlanBuilderTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final DocumentSchemas schemas = new DocumentSchemas();

	static ObjectNode fixture() throws IOException {
		return (ObjectNode) json.readTree(new ClassPathResource("fixtures/test-fixture-second-report.json")
			.getContentAsString(StandardCharsets.UTF_8));
	}

	static ObjectNode broker(ObjectNode document) {
		return (ObjectNode) document.withObject("entities").withArray("organizations").get(0);
	}

	/**
	 * The broker's names fold to "测试证券\ntest fixture securities" (36 bytes); aliases, one
	 * a line, fill the search text to exactly {@code bytes}. Every alias stays within the
	 * schema's limits.
	 */
	static ObjectNode brokerWithSearchTextOf(int bytes) throws IOException {
		var document = fixture();
		var aliases = broker(document).putArray("aliases");
		int left = bytes - 36;
		for (char suffix = 'a'; left > 0; suffix++) {
			left -= 1;
			int alias = Math.min(left, 1999 * 3 + 1);
			aliases.add("字".repeat((alias - 1) / 3) + "z".repeat((alias - 1) % 3) + suffix);
			left -= alias;
		}
		assertThat(schemas.validate(document)).isEmpty();
		return document;
	}

	@Test
	void searchTextUpToWhatTheTextIndexHoldsIsPlanned() throws IOException {
		var plan = PlanBuilder.build(brokerWithSearchTextOf(PlanBuilder.TEXT_INDEX_MAX_BYTES), "test");
		var broker = plan.nodes()
			.stream()
			.filter(node -> node.id().equals("test-fixture-broker"))
			.findFirst()
			.orElseThrow();
		assertThat(((String) broker.props().get("search")).getBytes(StandardCharsets.UTF_8))
			.hasSize(PlanBuilder.TEXT_INDEX_MAX_BYTES);
	}

	@Test
	void oneByteMoreIsRefusedAtTheEntity() throws IOException {
		var document = brokerWithSearchTextOf(PlanBuilder.TEXT_INDEX_MAX_BYTES + 1);
		assertThatExceptionOfType(InvalidDocumentException.class).isThrownBy(() -> PlanBuilder.build(document, "test"))
			.satisfies(ex -> assertThat(ex.violations()).containsExactly(new Violation("/entities/organizations/0",
					"its names and aliases take 32767 bytes of UTF-8 once folded for search; the search index holds "
							+ "at most 32766: shorten or drop some aliases")));
	}

	/**
	 * NFKC turns U+FDFA into eighteen characters: 1,000 of them are within the schema,
	 * not the index.
	 */
	@Test
	void theSizeCountedIsTheFoldedOne() throws IOException {
		var document = fixture();
		((ObjectNode) document.withArray("themes").get(0)).put("name", "\uFDFA".repeat(1000));
		assertThat(schemas.validate(document)).isEmpty();
		assertThatExceptionOfType(InvalidDocumentException.class).isThrownBy(() -> PlanBuilder.build(document, "test"))
			.satisfies(ex -> assertThat(ex.violations()).singleElement()
				.satisfies(violation -> assertThat(violation.pointer()).isEqualTo("/themes/0")));
	}

	/**
	 * The schema keeps an entity file's source within 8,000 bytes (2,000 characters of at
	 * most four); the plan checks the index's own limit all the same, should the schema
	 * ever allow more.
	 */
	@Test
	void anEntityFilesSourceIsBoundedByTheRelationshipIndex() {
		var entities = (ObjectNode) json.readTree("""
				{"kind": "entities", "source": "%s",
				 "technologies": [{"id": "test-a", "name": "A"}, {"id": "test-b", "name": "B"}],
				 "facts": [{"subject": "test-a", "predicate": "USES", "object": "test-b"}]}"""
			.formatted("字".repeat(3000)));
		assertThatExceptionOfType(InvalidDocumentException.class).isThrownBy(() -> PlanBuilder.build(entities, "test"))
			.satisfies(ex -> assertThat(ex.violations()).containsExactly(new Violation("/source",
					"takes 9000 bytes of UTF-8; the index on relationships' source holds at most 8164")));
	}

	/**
	 * What PlanBuilder bounds is what cypher/schema.cypher indexes with a range or text
	 * index.
	 */
	@Test
	void theBoundedPropertiesAreTheIndexedOnes() throws IOException {
		var schema = new ClassPathResource("cypher/schema.cypher").getContentAsString(StandardCharsets.UTF_8);
		var nodes = new TreeSet<String>();
		var relationships = new TreeSet<String>();
		var statement = Pattern.compile("^CREATE (CONSTRAINT|INDEX|TEXT INDEX) .*(REQUIRE|ON) \\(?(n|e)\\.(\\w+)",
				Pattern.MULTILINE);
		var matcher = statement.matcher(schema);
		while (matcher.find()) {
			// The kept rankings' keys are entity ids and codes, bounded where documents
			// write them (id, code).
			if (matcher.group().matches(".*\\(n:(Exposure|Constituent|RankingState)\\).*")) {
				continue;
			}
			(matcher.group(3).equals("n") ? nodes : relationships).add(matcher.group(4));
		}
		assertThat(nodes).containsExactlyInAnyOrderElementsOf(PlanBuilder.INDEXED_NODE_STRINGS.keySet());
		assertThat(relationships)
			.containsExactlyInAnyOrderElementsOf(PlanBuilder.INDEXED_RELATIONSHIP_STRINGS.keySet());
	}

	@Test
	void loneSurrogatesAreRefusedWhereTheyAre() throws IOException {
		var text = new ClassPathResource("fixtures/test-fixture-second-report.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("\"测试周报（TEST FIXTURE", "\"\\ud800测试周报（TEST FIXTURE")
			.replace("\"Test Fixture Analyst\"", "\"Test \\udc00\\ud83d Analyst\"");
		var violations = schemas.validate(json.readTree(text));
		assertThat(violations).extracting(Violation::pointer).containsExactly("/title", "/entities/people/0/nameEn");
		assertThat(violations.get(0).message()).contains("half of a UTF-16 surrogate pair");
		// A whole pair is a character like any other.
		assertThat(schemas
			.validate(json.readTree(text.replace("\\ud800", "\\ud83d\\ude00").replace("\\udc00\\ud83d", "x"))))
			.isEmpty();
	}

}
