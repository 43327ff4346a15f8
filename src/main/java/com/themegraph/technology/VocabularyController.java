package com.themegraph.technology;

import java.util.List;

import com.themegraph.graph.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vocabulary as a resource: the technologies, products and works the graph knows
 * ({@code technologies.cypher}), and each one's own page ({@code technology.cypher}):
 * kind, names, maker, dates, relations and the reports that discuss it, every fact with
 * the source that states it (a report's quote, the reference sheet's note, or the
 * vocabulary's citation).
 */
@Tag(name = "Technologies", description = "Technologies, products and creative works, and the stocks linked to them")
@RestController
class VocabularyController {

	/** The kinds {@code GET /api/technologies} may be filtered by. */
	static final String KINDS = "technology|product|work";

	/** Who makes a product or technology, or produces a work. */
	record Maker(String id, String kind, String name) {
	}

	/** One technology, product or work in the list. */
	record TechnologySummary(String id, @Schema(description = "the first kind it was defined as") String kind,
			@Schema(description = "every kind it has: Technology, Product, Work") List<String> kinds, String name,
			String nameEn, List<String> aliases, List<Maker> makers,
			@Schema(description = "how many reports are about it or mention it") long reports) {
	}

	/**
	 * Where a fact is stated, when the vocabulary states it: title, publisher, date,
	 * address.
	 */
	record Citation(String title, String publisher, String date, String url) {
	}

	/** A dated event (announced, released, paper...) and the source that states it. */
	record DatedEvent(String event, String date, Citation citation) {
	}

	/**
	 * A fact linking the entity to another: its predicate and direction ({@code out} when
	 * the entity is the subject), the other entity, and its source ({@code source}: a
	 * report's id with {@code report} and {@code quote}, {@code entity-facts} with its
	 * {@code note}, or {@code vocabulary} with its {@code citation}).
	 */
	record Fact(String predicate, String direction, String id, String kind, String name, String nameEn, String source,
			String report, String quote, String note, Citation citation) {
	}

	/**
	 * A report that is about the entity ({@code ABOUT}) or mentions it, with its quote.
	 */
	record Discussion(String report, String reportTitle, String broker, String publishedEarliest,
			String publishedLatest, String publishedPrecision, String relation, String quote) {
	}

	/** One technology, product or work, with every fact the graph holds on it. */
	record TechnologyDetail(String id, String kind, List<String> kinds, String name, String nameEn,
			List<String> aliases, String description,
			@Schema(description = "the report or entity file that defined it") String definedBy, List<DatedEvent> dates,
			@Schema(description = "the sources that show it exists") List<Citation> sources, List<Fact> makers,
			List<Fact> relations, List<Discussion> reports) {
	}

	private final VocabularyQueries queries;

	VocabularyController(VocabularyQueries queries) {
		this.queries = queries;
	}

	@Operation(operationId = "technologies", summary = "Technologies, products and works",
			description = "Every technology, product and work the graph knows (the seed's, the vocabulary's in seed-data/vocabulary/, and those reports define), in id order, each with its kinds, names, aliases, makers and how many reports discuss it. kind keeps one kind (a node of two kinds, such as sora, is listed under both).")
	@GetMapping(path = "/api/technologies", produces = MediaType.APPLICATION_JSON_VALUE)
	public Page<TechnologySummary> technologies(
			@Parameter(description = "technology, product or work; all three when absent",
					schema = @Schema(allowableValues = { "technology", "product", "work" })) @RequestParam(
							required = false) @Pattern(regexp = KINDS) String kind,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_SKIP) int skip,
			@Parameter(example = "50") @RequestParam(
					defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return queries.technologies(kind, skip, limit);
	}

	@Operation(operationId = "technology", summary = "One technology, product or work",
			description = "A technology, product or work by id, name or alias (kling, 可灵, Kling AI): its kinds, names, dates, sources, makers (MADE_BY, a work's PRODUCED_BY), relations in either direction (USES, IS_A, SUCCEEDS, MADE_WITH) and the reports that discuss it. Every fact names its source: a report with its quote, the reference sheet with its note, or the vocabulary with its citation (title, publisher, date, address).")
	@GetMapping(path = "/api/technologies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	public TechnologyDetail technology(@Parameter(example = "kling") @PathVariable String id) {
		return queries.technology(id);
	}

}
