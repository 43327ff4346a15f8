package com.themegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.themegraph.graph.TextFolding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The vocabulary files (seed-data/vocabulary/) and their conversion into an entity file,
 * without a graph.
 */
class VocabularyFilesTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final DocumentSchemas schemas = new DocumentSchemas();

	static final String KLING = """
			{"kind": "vocabulary", "title": "TEST FIXTURE vocabulary",
			 "entries": [
			  {"id": "kling", "kind": "product", "name": "可灵", "nameEn": "Kling", "aliases": ["Kling AI"],
			   "maker": {"id": "1024.HK", "source": "launch"},
			   "dates": [{"event": "announced", "date": "2024-06-06", "source": "launch"}],
			   "relations": [{"predicate": "USES", "object": "diffusion-transformer", "source": "launch"}],
			   "sources": [{"id": "launch", "title": "中国版Sora：快手可灵", "publisher": "华尔街见闻",
			                "url": "https://wallstreetcn.com/articles/3716843"}]}]}""";

	static List<Path> vocabularyFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("seed-data/vocabulary"))) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	@Test
	void everyVocabularyFileConformsToItsSchemaAndConvertsToAValidEntityFile() throws IOException {
		for (var file : vocabularyFiles()) {
			var vocabulary = json.readTree(file.toFile());
			assertThat(schemas.validateVocabulary(vocabulary)).as(file.toString()).isEmpty();
			var conversion = VocabularyFiles.convert(vocabulary, file.toString(), code -> true);
			assertThat(schemas.validate(conversion.entities())).as(file.toString()).isEmpty();
			assertThat(conversion.unlinkedMakers()).isEmpty();
		}
	}

	/** At least 150 entries, every one with a source, ids unique across the files. */
	@Test
	void theVocabularyHoldsAtLeast150SourcedEntries() throws IOException {
		var ids = new HashMap<String, String>();
		var kinds = new HashMap<String, Integer>();
		for (var file : vocabularyFiles()) {
			for (var entry : json.readTree(file.toFile()).path("entries")) {
				assertThat(ids.put(entry.path("id").asString(), file.toString())).as(entry.path("id").asString())
					.isNull();
				assertThat(entry.path("sources").size()).isPositive();
				kinds.merge(entry.path("kind").asString(), 1, Integer::sum);
			}
		}
		assertThat(ids).hasSizeGreaterThanOrEqualTo(150);
		assertThat(kinds.keySet()).containsExactlyInAnyOrder("technology", "product", "work");
	}

	/**
	 * No two technologies, products, works or organisations of one kind answer to one
	 * folded name, across the vocabulary, the entity files and the seed report: the
	 * loader would refuse the second, and look-ups by the name would be ambiguous.
	 */
	@Test
	void noTwoEntitiesOfOneKindShareAName() throws IOException {
		var owners = new HashMap<String, String>();
		var clashes = new ArrayList<String>();
		var sections = Map.of("organizations", "Organization", "technologies", "Technology", "products", "Product",
				"works", "Work");
		var entityFiles = new ArrayList<JsonNode>();
		entityFiles.add(json.readTree(Path.of("seed-data/entities/reference.json").toFile()));
		entityFiles.add(json.readTree(Path.of("seed-data/reports/tebon-2024-03-sora.json").toFile()).path("entities"));
		for (var file : vocabularyFiles()) {
			entityFiles
				.add(VocabularyFiles.convert(json.readTree(file.toFile()), file.toString(), code -> true).entities());
		}
		for (var entities : entityFiles) {
			sections.forEach((section, kind) -> {
				for (var entity : entities.path(section)) {
					var id = entity.path("id").asString();
					var names = new ArrayList<String>(List.of(entity.path("name").asString()));
					names.add(entity.path("nameEn").asString(""));
					entity.path("aliases").forEach(alias -> names.add(alias.asString()));
					for (var name : Set.copyOf(names.stream().map(TextFolding::fold).toList())) {
						var previous = name.isEmpty() ? null : owners.putIfAbsent(kind + "\t" + name, id);
						if (previous != null && !previous.equals(id)) {
							clashes.add(kind + " \"" + name + "\": " + previous + " and " + id);
						}
					}
				}
			});
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void anEntryWithoutASourceIsRefusedByTheSchema() throws IOException {
		var vocabulary = (ObjectNode) json.readTree(KLING);
		((ObjectNode) vocabulary.path("entries").get(0)).remove("sources");
		assertThat(schemas.validateVocabulary(vocabulary)).extracting(Violation::pointer).containsExactly("/entries/0");
		((ObjectNode) vocabulary.path("entries").get(0)).putArray("sources");
		assertThat(schemas.validateVocabulary(vocabulary)).extracting(Violation::pointer)
			.containsExactly("/entries/0/sources");
	}

	@Test
	void aFactWithoutASourceIsRefusedByTheSchema() throws IOException {
		var vocabulary = (ObjectNode) json.readTree(KLING);
		((ObjectNode) vocabulary.path("entries").get(0).path("maker")).remove("source");
		assertThat(schemas.validateVocabulary(vocabulary)).extracting(Violation::pointer)
			.containsExactly("/entries/0/maker");
	}

	@Test
	void aFactCitingASourceItsEntryDoesNotListIsRefused() throws IOException {
		var vocabulary = (ObjectNode) json.readTree(KLING);
		((ObjectNode) vocabulary.path("entries").get(0).path("relations").get(0)).put("source", "elsewhere");
		assertThatExceptionOfType(InvalidDocumentException.class)
			.isThrownBy(() -> VocabularyFiles.convert(vocabulary, "test.json", code -> true))
			.satisfies(ex -> assertThat(ex.violations()).containsExactly(new Violation("/entries/0/relations/0/source",
					"source \"elsewhere\" is not among the entry's sources: every fact cites one of them")));
	}

	/**
	 * Each fact becomes an entity fact with its citation; the entry keeps its sources as
	 * citations and each date its own.
	 */
	@Test
	void anEntryBecomesAProductWithItsFactsAndTheirCitations() throws IOException {
		var conversion = VocabularyFiles.convert(json.readTree(KLING), "test.json", code -> true);
		var entities = conversion.entities();
		assertThat(entities.path("source").asString()).isEqualTo("vocabulary");
		var product = entities.path("products").get(0);
		assertThat(product.path("id").asString()).isEqualTo("kling");
		assertThat(product.path("citations").get(0).path("url").asString())
			.isEqualTo("https://wallstreetcn.com/articles/3716843");
		assertThat(product.path("dates").get(0).path("citation").path("title").asString()).isEqualTo("中国版Sora：快手可灵");
		assertThat(entities.path("facts")).hasSize(2);
		var madeBy = entities.path("facts").get(0);
		assertThat(List.of(madeBy.path("subject").asString(), madeBy.path("predicate").asString(),
				madeBy.path("object").asString()))
			.containsExactly("kling", "MADE_BY", "1024.HK");
		assertThat(madeBy.path("citation").path("publisher").asString()).isEqualTo("华尔街见闻");
		assertThat(madeBy.path("citation").has("id")).isFalse();
	}

	/**
	 * A maker code no company in the graph has is left out and reported with its pointer,
	 * not refused: the directory of listed companies may not be loaded yet.
	 */
	@Test
	void aMakerCodeNoCompanyHasIsLeftOutAndReported() throws IOException {
		var conversion = VocabularyFiles.convert(json.readTree(KLING), "test.json", code -> false);
		assertThat(conversion.entities().path("facts")).hasSize(1);
		assertThat(conversion.entities().path("facts").get(0).path("predicate").asString()).isEqualTo("USES");
		assertThat(conversion.unlinkedMakers()).containsExactly(new Violation("/entries/0/maker",
				"maker 1024.HK of \"kling\": no company in the graph has this code, so MADE_BY is left out"));
		assertThat(VocabularyFiles.makerCodes(json.readTree(KLING))).containsExactly("1024.HK");
	}

}
