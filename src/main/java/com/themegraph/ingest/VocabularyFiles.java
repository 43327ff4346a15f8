package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.themegraph.graph.CypherQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a vocabulary file ({@code seed-data/vocabulary/*.json}, schema
 * {@code vocabulary.schema.json}): the technologies, products and works of the field,
 * each with the sources that state its maker, dates and relations. A file is checked
 * against its schema, turned into an entity file of source {@value #SOURCE} (its entries
 * as technologies, products and works, its makers and relations as facts, every fact with
 * its {@code citation}, see {@link Citations}) and loaded by {@link DocumentLoader}, so
 * loading the same file again writes nothing and a changed file replaces its own facts.
 * <p>
 * A maker given as a listed company's code that no company in the graph has (its
 * directory not loaded yet) is not an error: the {@code MADE_BY} fact is left out and
 * logged, and a later load, once the company is in the graph, adds it.
 */
@Component
public class VocabularyFiles {

	/** The {@code source} of every node and edge a vocabulary file writes. */
	public static final String SOURCE = "vocabulary";

	private static final Logger log = LoggerFactory.getLogger(VocabularyFiles.class);

	private static final Pattern STOCK_CODE = Pattern
		.compile("^(\\d{6}\\.(SZ|SH|BJ)|[1-9]\\d{0,4}\\.HK|[A-Z]{1,5}\\.US)$");

	private static final Map<String, String> SECTIONS = Map.of("technology", "technologies", "product", "products",
			"work", "works");

	private final DocumentLoader loader;

	private final DocumentSchemas schemas;

	private final CypherQueries cypher;

	VocabularyFiles(DocumentLoader loader, DocumentSchemas schemas, CypherQueries cypher) {
		this.loader = loader;
		this.schemas = schemas;
		this.cypher = cypher;
	}

	/**
	 * An entity file made from a vocabulary file, and the makers it had to leave out.
	 *
	 * @param entities the entity file ({@code kind} {@code entities}, source
	 * {@value #SOURCE})
	 * @param unlinkedMakers one per maker code no company in the graph has: the pointer
	 * of the maker in the vocabulary file, and why it was left out
	 */
	public record Conversion(ObjectNode entities, List<Violation> unlinkedMakers) {
	}

	/**
	 * Loads one vocabulary file in one transaction (joining the caller's, as the seed's
	 * does).
	 * @param vocabulary the file's JSON
	 * @param origin where it came from, for messages
	 * @return what {@link DocumentLoader#load} did with the entity file made from it
	 * @throws InvalidDocumentException when the file breaks its schema, a fact cites a
	 * source its entry does not list, or the entity file is refused (unknown ids, names
	 * another entity already answers to); nothing is written then
	 */
	@Transactional
	public LoadResult load(JsonNode vocabulary, String origin) {
		var violations = schemas.validateVocabulary(vocabulary);
		if (!violations.isEmpty()) {
			throw new InvalidDocumentException(origin, violations);
		}
		var companies = companiesInGraph(makerCodes(vocabulary));
		var conversion = convert(vocabulary, origin, companies::contains);
		if (!conversion.unlinkedMakers().isEmpty()) {
			log.warn("{}: {} makers left out until a company directory or entity file defines them: {}", origin,
					conversion.unlinkedMakers().size(),
					String.join("; ", conversion.unlinkedMakers().stream().map(Violation::message).toList()));
		}
		return loader.load(conversion.entities(), origin);
	}

	/** Every maker in the file written as a listed company's code. */
	static Set<String> makerCodes(JsonNode vocabulary) {
		var codes = new LinkedHashSet<String>();
		for (var entry : vocabulary.path("entries")) {
			var maker = entry.path("maker").path("id").asString("");
			if (STOCK_CODE.matcher(maker).matches()) {
				codes.add(maker);
			}
		}
		return codes;
	}

	private Set<String> companiesInGraph(Set<String> codes) {
		var found = new LinkedHashSet<String>();
		if (codes.isEmpty()) {
			return found;
		}
		cypher.query("ingest-existing-ids").bind(List.copyOf(codes)).to("ids").fetch().all().forEach(row -> {
			if (((List<?>) row.get("labels")).contains("Company")) {
				found.add((String) row.get("id"));
			}
		});
		return found;
	}

	/**
	 * Turns a schema-valid vocabulary file into an entity file. Pure: the graph is asked
	 * only through {@code companyInGraph}.
	 * @param companyInGraph whether a listed company's code is in the graph; a maker code
	 * for which it is false is left out and listed in {@link Conversion#unlinkedMakers}
	 * @throws InvalidDocumentException when a fact cites a source id its entry does not
	 * list, or an entry lists one source id twice
	 */
	public static Conversion convert(JsonNode vocabulary, String origin, Predicate<String> companyInGraph) {
		var nodes = JsonNodeFactory.instance;
		var entities = nodes.objectNode();
		entities.put("kind", "entities");
		entities.put("source", SOURCE);
		entities.put("sourceTitle", "seed-data/vocabulary: " + vocabulary.path("title").asString());
		var violations = new ArrayList<Violation>();
		var unlinked = new ArrayList<Violation>();
		var facts = nodes.arrayNode();
		var organizations = vocabulary.path("organizations");
		for (int i = 0; i < organizations.size(); i++) {
			var organization = organizations.get(i);
			var pointer = "/organizations/" + i;
			var entity = entity(organization, sources(organization, pointer, violations));
			if (organization.has("type")) {
				entity.put("type", organization.path("type").asString());
			}
			entities.withArray("organizations").add(entity);
		}
		var entries = vocabulary.path("entries");
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			var pointer = "/entries/" + i;
			var id = entry.path("id").asString();
			var sources = sources(entry, pointer, violations);
			var entity = entity(entry, sources);
			var dates = entry.path("dates");
			for (int d = 0; d < dates.size(); d++) {
				var date = dates.get(d);
				var event = entity.withArray("dates").addObject();
				event.put("event", date.path("event").asString());
				event.put("date", date.path("date").asString());
				event.set("citation", cited(sources, date, pointer + "/dates/" + d, violations));
			}
			entities.withArray(SECTIONS.get(entry.path("kind").asString())).add(entity);
			var maker = entry.path("maker");
			if (!maker.isMissingNode()) {
				var makerId = maker.path("id").asString();
				var predicate = "work".equals(entry.path("kind").asString()) ? "PRODUCED_BY" : "MADE_BY";
				var citation = cited(sources, maker, pointer + "/maker", violations);
				if (STOCK_CODE.matcher(makerId).matches() && !companyInGraph.test(makerId)) {
					unlinked.add(new Violation(pointer + "/maker", "maker " + makerId + " of \"" + id
							+ "\": no company in the graph has this code, so " + predicate + " is left out"));
				}
				else {
					facts.add(fact(id, predicate, makerId, citation));
				}
			}
			var relations = entry.path("relations");
			for (int r = 0; r < relations.size(); r++) {
				var relation = relations.get(r);
				facts.add(fact(id, relation.path("predicate").asString(), relation.path("object").asString(),
						cited(sources, relation, pointer + "/relations/" + r, violations)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidDocumentException(origin, violations);
		}
		entities.set("facts", facts);
		return new Conversion(entities, List.copyOf(unlinked));
	}

	/** An entry's sources by id, each as a citation (without its id). */
	private static Map<String, ObjectNode> sources(JsonNode entry, String pointer, List<Violation> violations) {
		var byId = new HashMap<String, ObjectNode>();
		var sources = entry.path("sources");
		for (int i = 0; i < sources.size(); i++) {
			var citation = ((ObjectNode) sources.get(i)).deepCopy();
			var id = citation.remove("id").asString();
			if (byId.putIfAbsent(id, citation) != null) {
				violations
					.add(new Violation(pointer + "/sources/" + i + "/id", "source id \"" + id + "\" is listed twice"));
			}
		}
		return byId;
	}

	private static ObjectNode cited(Map<String, ObjectNode> sources, JsonNode fact, String pointer,
			List<Violation> violations) {
		var id = fact.path("source").asString();
		var citation = sources.get(id);
		if (citation == null) {
			violations.add(new Violation(pointer + "/source",
					"source \"" + id + "\" is not among the entry's sources: every fact cites one of them"));
			return JsonNodeFactory.instance.objectNode();
		}
		return citation.deepCopy();
	}

	private static ObjectNode entity(JsonNode entry, Map<String, ObjectNode> sources) {
		var entity = JsonNodeFactory.instance.objectNode();
		for (var field : List.of("id", "name", "nameEn", "description")) {
			if (entry.has(field)) {
				entity.put(field, entry.path(field).asString());
			}
		}
		entity.set("aliases",
				entry.has("aliases") ? entry.path("aliases").deepCopy() : JsonNodeFactory.instance.arrayNode());
		var citations = entity.putArray("citations");
		for (var source : entry.path("sources")) {
			citations.add(sources.get(source.path("id").asString()));
		}
		return entity;
	}

	private static ObjectNode fact(String subject, String predicate, String object, ObjectNode citation) {
		var fact = JsonNodeFactory.instance.objectNode();
		fact.put("subject", subject);
		fact.put("predicate", predicate);
		fact.put("object", object);
		fact.set("citation", citation);
		return fact;
	}

}
