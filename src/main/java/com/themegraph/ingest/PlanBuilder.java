package com.themegraph.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.themegraph.graph.RelationshipTypes;
import com.themegraph.graph.StockCode;
import com.themegraph.graph.TextFolding;
import com.themegraph.ingest.WritePlan.NodeRow;
import com.themegraph.ingest.WritePlan.RelationshipRow;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid document into a {@link WritePlan}. Checks what a schema cannot:
 * that each quote occurs verbatim in the report's text, and which ids the document leaves
 * to the graph. Pure: it reads nothing but the document, so it is tested without a
 * database.
 */
final class PlanBuilder {

	/**
	 * The node property naming the source (a report's id, an entity file's
	 * {@code source}) that defined an entity first: only it may change the entity's name,
	 * kind and aliases.
	 */
	static final String DEFINED_BY = "definedBy";

	/**
	 * Entity sections in the order their first kind wins (Sora is a Technology that is
	 * also a Product).
	 */
	private static final Map<String, String> SECTION_LABELS = linked("organizations", "Organization", "people",
			"Person", "technologies", "Technology", "products", "Product", "works", "Work", "companies", "Company");

	/**
	 * The most UTF-8 bytes one string value can take in a TEXT index: Lucene keeps it as
	 * one term (measured on Neo4j 2026.08, text-3.0; a longer value fails the whole
	 * transaction).
	 */
	static final int TEXT_INDEX_MAX_BYTES = 32_766;

	/**
	 * The most UTF-8 bytes one string value can take in a RANGE index key (measured,
	 * range-1.0).
	 */
	static final int RANGE_INDEX_MAX_BYTES = 8_164;

	/**
	 * String properties that {@code cypher/schema.cypher} indexes with a size limit, and
	 * that limit: on nodes, {@code id} and {@code code} (uniqueness constraints),
	 * {@code definedBy} (a range index) and {@code search} (the {@code entity_search}
	 * text index); on relationships, {@code source}. Full-text indexes split text into
	 * words, so they have no such limit. {@code PlanBuilderTests} keeps this in step with
	 * the schema file.
	 */
	static final Map<String, Integer> INDEXED_NODE_STRINGS = new TreeMap<>(Map.of("id", RANGE_INDEX_MAX_BYTES, "code",
			RANGE_INDEX_MAX_BYTES, "search", TEXT_INDEX_MAX_BYTES, DEFINED_BY, RANGE_INDEX_MAX_BYTES));

	static final Map<String, Integer> INDEXED_RELATIONSHIP_STRINGS = Map.of("source", RANGE_INDEX_MAX_BYTES);

	private final JsonNode document;

	private final String source;

	private final String text;

	private final boolean isReport;

	private final Map<String, NodeRow> nodes = new LinkedHashMap<>();

	private final Map<String, RelationshipRow> relationships = new LinkedHashMap<>();

	private final Map<String, String> references = new LinkedHashMap<>();

	private final Map<String, String> definitions = new LinkedHashMap<>();

	private final List<Violation> violations = new ArrayList<>();

	private PlanBuilder(JsonNode document) {
		this.document = document;
		this.isReport = "report".equals(document.path("kind").asString());
		this.source = isReport ? document.path("id").asString() : document.path("source").asString();
		this.text = isReport ? document.path("text").asString() : null;
	}

	static WritePlan build(JsonNode document, String origin) {
		var builder = new PlanBuilder(document);
		builder.plan();
		builder.checkIndexedSizes();
		if (!builder.violations.isEmpty()) {
			throw new InvalidDocumentException(origin, builder.violations);
		}
		builder.references.keySet().removeAll(builder.definitions.keySet());
		return new WritePlan(builder.source, builder.isReport, sha256(document.toString()),
				List.copyOf(builder.nodes.values()), List.copyOf(builder.relationships.values()), builder.references,
				builder.definitions);
	}

	private void plan() {
		var entities = isReport ? document.path("entities") : document;
		var entitiesPointer = isReport ? "/entities" : "";
		SECTION_LABELS.forEach((section, label) -> {
			var list = entities.path(section);
			for (int i = 0; i < list.size(); i++) {
				defineEntity(list.get(i), label, entitiesPointer + "/" + section + "/" + i);
			}
		});
		if (isReport) {
			planReport();
		}
		var facts = document.path("facts");
		for (int i = 0; i < facts.size(); i++) {
			var fact = facts.get(i);
			var pointer = "/facts/" + i;
			relate(fact.path("predicate").asString(), reference(fact, "subject", pointer),
					reference(fact, "object", pointer), evidence(fact, pointer));
		}
	}

	private void defineEntity(JsonNode entity, String label, String pointer) {
		var company = "Company".equals(label);
		var id = company ? entity.path("code").asString() : entity.path("id").asString();
		var props = new LinkedHashMap<String, Object>();
		props.put("id", id);
		props.put("kind", label);
		props.put("name", entity.path("name").asString());
		putIfPresent(props, "nameEn", entity);
		putIfPresent(props, "description", entity);
		putIfPresent(props, "note", entity);
		putIfPresent(props, "type", entity);
		var aliases = strings(entity.path("aliases"));
		props.put("aliases", aliases);
		if (company) {
			var code = StockCode.parse(id);
			props.put("code", code.canonical());
			props.put("exchange", code.exchange().name());
			props.put("digits", code.digits());
			planListing(entity, props);
		}
		var dates = new ArrayList<String>();
		for (var date : entity.path("dates")) {
			dates.add(date.path("event").asString() + ": " + date.path("date").asString());
		}
		if (!dates.isEmpty()) {
			props.put("dates", dates);
		}
		if (!isReport) {
			props.put("source", source);
		}
		props.put(DEFINED_BY, source);
		var names = new ArrayList<String>();
		names.add(entity.path("name").asString());
		names.add(entity.path("nameEn").asString(""));
		names.addAll(aliases);
		if (company) {
			planHistory(entity, props, names);
			names.add(id);
			// A US ticker is what analysts type and print alone (NVDA, BILI).
			var code = StockCode.parse(id);
			if (code.exchange() == StockCode.Exchange.US) {
				names.add(code.digits());
			}
			// Each name also without its market tags, so *ST华录 and 华录 find one another.
			names.addAll(names.stream().map(TextFolding::companyKey).toList());
		}
		props.put("search", searchText(names));

		var labels = new ArrayList<>(List.of("Entity", label));
		if ("broker".equals(entity.path("type").asString())) {
			labels.add("Broker");
		}
		var existing = nodes.get(id);
		if (existing != null) {
			if (existing.labels().contains(label) || !definitions.containsKey(id)) {
				violations.add(new Violation(pointer,
						"id \"" + id + "\" is defined twice (also at " + definitions.get(id) + ")"));
				return;
			}
			// Same id in two sections: one node carrying both kinds; the first kind stays
			// its `kind`.
			var mergedLabels = new ArrayList<>(existing.labels());
			mergedLabels.add(label);
			var mergedProps = new LinkedHashMap<>(props);
			mergedProps.putAll(existing.props());
			nodes.put(id, new NodeRow(id, mergedLabels, mergedProps));
			return;
		}
		definitions.put(id, pointer);
		nodes.put(id, new NodeRow(id, labels, props));
	}

	/**
	 * A company's directory facts: its registered {@code fullName}, the {@code listing}'s
	 * source, as-of date and status (as {@code listingSource}, {@code listingAsOf},
	 * {@code listingStatus}), and {@code sameIssuer}, the issuer's other listings'
	 * canonical codes.
	 */
	private static void planListing(JsonNode entity, Map<String, Object> props) {
		putIfPresent(props, "fullName", entity);
		var listing = entity.path("listing");
		if (listing.isObject()) {
			props.put("listingSource", listing.path("source").asString());
			props.put("listingAsOf", listing.path("asOf").asString());
			props.put("listingStatus", listing.path("status").asString("listed"));
		}
		var sameIssuer = new ArrayList<String>();
		for (var code : entity.path("sameIssuer")) {
			sameIssuer.add(StockCode.parse(code.asString()).canonical());
		}
		if (!sameIssuer.isEmpty()) {
			props.put("sameIssuer", sameIssuer);
		}
	}

	/**
	 * A company's former codes and names, as parallel lists (Neo4j properties hold no
	 * maps): {@code formerCodes} (canonical) with {@code formerCodesUntil}, and
	 * {@code formerNames} with {@code formerNamesUntil}, the dates each stopped being
	 * used. Their source is the document's, as {@code definedBy} says. Former names are
	 * matched like aliases, so they join {@code names}.
	 */
	private static void planHistory(JsonNode entity, Map<String, Object> props, List<String> names) {
		var codes = new ArrayList<String>();
		var codesUntil = new ArrayList<String>();
		for (var former : entity.path("formerCodes")) {
			codes.add(StockCode.parse(former.path("code").asString()).canonical());
			codesUntil.add(former.path("until").asString());
		}
		var formerNames = new ArrayList<String>();
		var namesUntil = new ArrayList<String>();
		for (var former : entity.path("formerNames")) {
			formerNames.add(former.path("name").asString());
			namesUntil.add(former.path("until").asString());
		}
		if (!codes.isEmpty()) {
			props.put("formerCodes", codes);
			props.put("formerCodesUntil", codesUntil);
		}
		if (!formerNames.isEmpty()) {
			props.put("formerNames", formerNames);
			props.put("formerNamesUntil", namesUntil);
			names.addAll(formerNames);
		}
	}

	/**
	 * Refuses, before anything is written, a value Neo4j would refuse to index: the
	 * schema caps names at 2,000 characters and aliases at 50, but the folded names of
	 * one entity together (and NFKC can turn one character into eighteen) may still
	 * exceed what an index holds.
	 */
	private void checkIndexedSizes() {
		for (var node : nodes.values()) {
			var pointer = definitions.get(node.id());
			INDEXED_NODE_STRINGS.forEach((property, limit) -> {
				int bytes = utf8Length(node.props().get(property));
				// definedBy is the document's source: said once, below, not per entity.
				if (bytes > limit && pointer != null && !DEFINED_BY.equals(property)) {
					violations.add(new Violation(pointer,
							"search".equals(property)
									? "its names and aliases take " + bytes
											+ " bytes of UTF-8 once folded for search; the search "
											+ "index holds at most " + limit + ": shorten or drop some aliases"
									: "its " + property + " takes " + bytes
											+ " bytes of UTF-8; the index on it holds at most " + limit));
				}
			});
		}
		// Every relationship's source is the document's own (its id, or an entity file's
		// source).
		INDEXED_RELATIONSHIP_STRINGS.forEach((property, limit) -> relationships.values()
			.stream()
			.mapToInt(relationship -> utf8Length(relationship.props().get(property)))
			.max()
			.ifPresent(bytes -> {
				if (bytes > limit) {
					violations.add(new Violation(isReport ? "/id" : "/source", "takes " + bytes
							+ " bytes of UTF-8; the index on relationships' " + property + " holds at most " + limit));
				}
			}));
		var sourcePointer = isReport ? "/id" : "/source";
		int sourceBytes = utf8Length(source);
		if (sourceBytes > INDEXED_NODE_STRINGS.get(DEFINED_BY)
				&& violations.stream().noneMatch(violation -> violation.pointer().equals(sourcePointer))) {
			violations.add(new Violation(sourcePointer, "takes " + sourceBytes + " bytes of UTF-8; the index on "
					+ DEFINED_BY + " holds at most " + INDEXED_NODE_STRINGS.get(DEFINED_BY)));
		}
	}

	private static int utf8Length(Object value) {
		return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8).length : 0;
	}

	private void planReport() {
		var reportId = source;
		var props = new LinkedHashMap<String, Object>();
		props.put("id", reportId);
		props.put("kind", "Report");
		props.put("title", document.path("title").asString());
		props.put("industry", document.path("industry").asString(null));
		props.put("rating", document.path("rating").asString(null));
		props.put("ratingAction", document.path("ratingAction").asString(null));
		props.put("language", document.path("language").asString(null));
		var published = document.path("published");
		props.put("publishedEarliest", published.path("earliest").asString(null));
		props.put("publishedLatest", published.path("latest").asString(null));
		props.put("publishedPrecision", published.path("precision").asString(null));
		props.put("publishedNote", published.path("note").asString(null));
		props.put("text", text);
		props.values().removeIf(Objects::isNull);
		nodes.put(reportId, new NodeRow(reportId, List.of("Entity", "Report"), props));
		definitions.put(reportId, "");
		if (document.has("ratingQuote")) {
			evidence(document, "", "ratingQuote");
		}

		var broker = reference(document, "broker", "");
		addLabel(broker, "Broker");
		var brokerEvidence = document.has("brokerQuote") ? evidence(document, "", "brokerQuote") : evidence(null, "");
		relate("PUBLISHED", broker, reportId, brokerEvidence);

		var analysts = document.path("analysts");
		for (int i = 0; i < analysts.size(); i++) {
			var analyst = analysts.get(i);
			var pointer = "/analysts/" + i;
			var person = reference(analyst, "person", pointer);
			addLabel(person, "Analyst");
			var evidence = evidence(analyst, pointer);
			evidence.put("role", analyst.path("role").asString());
			evidence.put("position", i + 1);
			if (analyst.has("sacCertificate")) {
				evidence.put("sacCertificate", analyst.path("sacCertificate").asString());
			}
			relate("AUTHORED", person, reportId, evidence);
		}

		var cites = document.path("cites");
		for (int i = 0; i < cites.size(); i++) {
			var cited = cites.get(i);
			var title = cited.path("title").asString();
			var date = cited.path("date").asString(null);
			var id = "cited-" + sha256(document.path("broker").asString() + "\n" + title).substring(0, 16);
			var citedProps = new LinkedHashMap<String, Object>();
			citedProps.put("id", id);
			citedProps.put("kind", "CitedReport");
			citedProps.put("title", title);
			citedProps.put("broker", document.path("broker").asString());
			if (date != null) {
				citedProps.put("date", date);
			}
			nodes.putIfAbsent(id, new NodeRow(id, List.of("Entity", "CitedReport"), citedProps));
			definitions.putIfAbsent(id, "/cites/" + i);
			var evidence = evidence(cited, "/cites/" + i);
			evidence.put("position", i + 1);
			relate("CITES", reportId, id, evidence);
		}

		var risks = document.path("risks");
		for (int i = 0; i < risks.size(); i++) {
			var risk = risks.get(i);
			var id = risk.path("id").asString();
			var riskProps = new LinkedHashMap<String, Object>();
			riskProps.put("id", id);
			riskProps.put("kind", "Risk");
			riskProps.put("name", risk.path("name").asString());
			putIfPresent(riskProps, "nameEn", risk);
			riskProps.put("search",
					searchText(List.of(risk.path("name").asString(), risk.path("nameEn").asString(""))));
			riskProps.put(DEFINED_BY, source);
			nodes.putIfAbsent(id, new NodeRow(id, List.of("Entity", "Risk"), riskProps));
			definitions.putIfAbsent(id, "/risks/" + i);
			var evidence = evidence(risk, "/risks/" + i);
			evidence.put("position", i + 1);
			relate("FLAGS_RISK", reportId, id, evidence);
		}

		for (var section : List.of("about", "mentions")) {
			var list = document.path(section);
			for (int i = 0; i < list.size(); i++) {
				var pointer = "/" + section + "/" + i;
				relate("about".equals(section) ? "ABOUT" : "MENTIONS", reportId,
						reference(list.get(i), "entity", pointer), evidence(list.get(i), pointer));
			}
		}

		var themes = document.path("themes");
		for (int t = 0; t < themes.size(); t++) {
			planTheme(themes.get(t), "/themes/" + t, t + 1);
		}
	}

	private void planTheme(JsonNode theme, String pointer, int position) {
		var id = theme.path("id").asString();
		var themeProps = new LinkedHashMap<String, Object>();
		themeProps.put("id", id);
		themeProps.put("kind", "Theme");
		themeProps.put("name", theme.path("name").asString());
		putIfPresent(themeProps, "nameEn", theme);
		themeProps.put("search", searchText(List.of(theme.path("name").asString(), theme.path("nameEn").asString(""))));
		themeProps.put(DEFINED_BY, source);
		if (definitions.putIfAbsent(id, pointer) != null) {
			violations.add(new Violation(pointer + "/id",
					"id \"" + id + "\" is defined twice (also at " + definitions.get(id) + ")"));
		}
		nodes.put(id, new NodeRow(id, List.of("Entity", "Theme"), themeProps));
		var hasTheme = evidence(theme, pointer);
		hasTheme.put("position", position);
		relate("HAS_THEME", source, id, hasTheme);

		var about = theme.path("about");
		for (int i = 0; i < about.size(); i++) {
			var aboutPointer = pointer + "/about/" + i;
			relate("ABOUT", id, reference(about.get(i), "entity", aboutPointer), evidence(about.get(i), aboutPointer));
		}
		var companies = theme.path("companies");
		for (int i = 0; i < companies.size(); i++) {
			var company = companies.get(i);
			var companyPointer = pointer + "/companies/" + i;
			var evidence = company.has("quote") ? evidence(company, companyPointer) : evidence(theme, pointer);
			evidence.put("position", i + 1);
			evidence.put("theme", id);
			if (company.has("name")) {
				evidence.put("nameInReport", company.path("name").asString());
			}
			relate("RECOMMENDS", id, reference(company, "code", companyPointer), evidence);
		}
	}

	private String reference(JsonNode node, String field, String pointer) {
		var id = node.path(field).asString();
		references.putIfAbsent(id, pointer + "/" + field);
		return id;
	}

	private void addLabel(String id, String label) {
		var node = nodes.get(id);
		if (node == null) {
			nodes.put(id, new NodeRow(id, List.of("Entity", label), Map.of()));
			// Only a label to add: the node itself must already exist, so keep the
			// reference.
			return;
		}
		if (!node.labels().contains(label)) {
			var labels = new ArrayList<>(node.labels());
			labels.add(label);
			nodes.put(id, new NodeRow(id, labels, node.props()));
		}
	}

	private Map<String, Object> evidence(JsonNode node, String pointer) {
		return evidence(node, pointer, "quote");
	}

	private Map<String, Object> evidence(JsonNode node, String pointer, String field) {
		var props = new LinkedHashMap<String, Object>();
		props.put("source", source);
		if (isReport) {
			props.put("report", source);
		}
		if (node == null) {
			return props;
		}
		if (node.has("note")) {
			props.put("note", node.path("note").asString());
		}
		if (!node.has(field)) {
			return props;
		}
		var quote = node.path(field).asString();
		props.put("quote", Sentences.plain(quote));
		if (text != null) {
			var offset = text.indexOf(quote);
			if (offset < 0) {
				violations.add(new Violation(pointer + "/" + field,
						"quote does not occur verbatim in the report text: \"" + abbreviate(quote) + "\""));
			}
			else {
				props.put("offset", offset);
				props.put("sentence", Sentences.plain(Sentences.around(text, offset, quote.length())));
			}
		}
		return props;
	}

	private void relate(String type, String from, String to, Map<String, Object> props) {
		// An edge that replacing or deleting its report could not find again would
		// outlive it.
		if (!RelationshipTypes.findableFromSource(type, from, to, source)) {
			throw new IllegalStateException("a " + type + " edge from " + from + " to " + to
					+ " could not be found again from its source " + source + ": add the type to RelationshipTypes");
		}
		// One edge per (type, from, to, source): a repeated fact keeps its first
		// evidence.
		relationships.putIfAbsent(type + "\u0000" + from + "\u0000" + to, new RelationshipRow(type, from, to, props));
	}

	private static void putIfPresent(Map<String, Object> props, String field, JsonNode node) {
		if (node.has(field) && !node.path(field).isNull()) {
			props.put(field, node.path(field).asString());
		}
	}

	/**
	 * Each name folded on a line of its own: queries match whole names by line, parts by
	 * substring.
	 */
	private static String searchText(List<String> names) {
		return names.stream()
			.map(TextFolding::fold)
			.filter(name -> !name.isEmpty())
			.distinct()
			.collect(Collectors.joining("\n"));
	}

	private static List<String> strings(JsonNode array) {
		var values = new LinkedHashSet<String>();
		for (var value : array) {
			values.add(value.asString());
		}
		return List.copyOf(values);
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

	static String sha256(String text) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> linked(String... pairs) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
