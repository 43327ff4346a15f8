package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.themegraph.graph.CypherQueries;
import com.themegraph.graph.TextFolding;
import com.themegraph.ingest.LoadResult.Outcome;
import tools.jackson.databind.JsonNode;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads one document in one transaction: validated against its schema, checked against
 * the graph (every id it leaves undefined must exist, with a compatible kind), then
 * written with batched {@code MERGE}. A refused document writes nothing; loading the same
 * one twice changes nothing.
 */
@Service
public class DocumentLoader {

	static final int BATCH_SIZE = 1_000;

	private final CypherQueries cypher;

	private final Neo4jClient neo4j;

	private final DocumentSchemas schemas;

	private final KeptRankings rankings;

	DocumentLoader(Neo4jClient neo4j, DocumentSchemas schemas, CypherQueries cypher, KeptRankings rankings) {
		this.cypher = cypher;
		this.rankings = rankings;
		this.neo4j = neo4j;
		this.schemas = schemas;
	}

	/** The checks that need no graph (schema, quotes), and the rows to write. */
	WritePlan plan(JsonNode document, String origin) {
		var violations = schemas.validate(document);
		if (!violations.isEmpty()) {
			throw new InvalidDocumentException(origin, violations);
		}
		return PlanBuilder.build(document, origin);
	}

	/**
	 * Loads one document in one transaction. A report's id is locked before its content
	 * is compared with what is loaded, so concurrent writers of one id run one after the
	 * other and the graph ends as exactly one of their versions, never a mix.
	 * @param document a report or entity document (seed-data/schema/)
	 * @param origin where it came from, for messages ("request body", a file name)
	 * @return what happened: NEW, UPDATED, UNCHANGED (nothing written) or MERGED (entity
	 * files)
	 * @throws InvalidDocumentException when the document or its references are invalid;
	 * nothing is written then
	 */
	@Transactional
	public LoadResult load(JsonNode document, String origin) {
		var plan = plan(document, origin);
		var outcome = plan.isReport() ? Outcome.NEW : Outcome.MERGED;
		List<String> previousEndpoints = List.of();
		if (plan.isReport()) {
			var previous = cypher.query("ingest-lock-report")
				.bind(plan.source())
				.to("id")
				.fetch()
				.one()
				.map(row -> (String) row.get("hash"));
			checkAgainstGraph(plan, origin);
			if (previous.filter(plan.contentHash()::equals).isPresent()) {
				return new LoadResult(plan.source(), Outcome.UNCHANGED, 0, 0);
			}
			rankings.lock();
			if (previous.isPresent()) {
				rankings.removing(List.of(plan.source()));
				// What the new version defines stays, linked or not.
				previousEndpoints = removeEdgesOf(plan.source()).stream()
					.filter(id -> !plan.definitions().containsKey(id))
					.toList();
				outcome = Outcome.UPDATED;
			}
		}
		else {
			var file = entityFileId(plan.source(), origin);
			var previous = cypher.query("ingest-lock-entity-file").bind(file).to("id").fetch().one().orElseThrow();
			checkAgainstGraph(plan, origin);
			if (plan.contentHash().equals(previous.get("hash"))) {
				return new LoadResult(plan.source(), Outcome.MERGED, 0, 0);
			}
			// Its facts may be dropped and restated: what they bring is taken away here
			// and
			// added back once they are written.
			rankings.lock();
			rankings.removing(List.of(plan.source()));
			@SuppressWarnings("unchecked")
			var stated = (List<String>) previous.get("facts");
			dropFactsNoLongerStated(plan, stated);
			cypher.query("ingest-record-entity-file")
				.bindAll(Map.of("id", file, "source", plan.source(), "hash", plan.contentHash(), "facts",
						factKeys(plan)))
				.run();
		}
		var existing = existingOf(plan);
		var written = ownNodes(plan, existing);
		inBatches(cypher.get("ingest-merge-nodes"), nodeParameters(written));
		// A changed document's aliases replace what it added before, so one taken out
		// goes.
		var aliasSource = aliasSource(plan, origin);
		cypher.query("ingest-remove-aliases").bind(aliasSource).to("source").run();
		var added = addedAliases(plan, existing);
		if (!added.isEmpty()) {
			cypher.query("ingest-add-aliases").bind(aliasRows(added, aliasSource)).to("rows").run();
		}
		writeRelationships(plan.relationships());
		rankings.added(List.of(plan.source()));
		if (!previousEndpoints.isEmpty()) {
			cypher.query("ingest-delete-orphans").bind(previousEndpoints).to("ids").run();
			cypher.query("ingest-drop-report-labels").bind(previousEndpoints).to("ids").run();
		}
		return new LoadResult(plan.source(), outcome, plan.nodes().size(), plan.relationships().size());
	}

	/**
	 * An entity file's identity: its source and its file name (two files may share a
	 * source, as the seed's do), so reloading one never touches the other's facts.
	 */
	static String entityFileId(String source, String origin) {
		return source + " " + origin.substring(origin.lastIndexOf('/') + 1);
	}

	/** Each fact of an entity file as "TYPE, tab, from, tab, to". */
	static List<String> factKeys(WritePlan plan) {
		return plan.relationships()
			.stream()
			.map(row -> row.type() + "\t" + row.from() + "\t" + row.to())
			.distinct()
			.sorted()
			.toList();
	}

	private void dropFactsNoLongerStated(WritePlan plan, List<String> stated) {
		var now = new HashSet<>(factKeys(plan));
		var gone = stated.stream().filter(key -> !now.contains(key)).map(key -> {
			var parts = key.split("\t", 3);
			return Map.<String, Object>of("type", parts[0], "from", parts[1], "to", parts[2]);
		}).toList();
		if (!gone.isEmpty()) {
			cypher.query("ingest-delete-entity-facts").bindAll(Map.of("source", plan.source(), "facts", gone)).run();
		}
	}

	/**
	 * Whose the aliases a document adds to others' entities are: a report's id, or the
	 * entity file's own id (two files may share a source, as the seed's do).
	 */
	static String aliasSource(WritePlan plan, String origin) {
		return plan.isReport() ? plan.source() : entityFileId(plan.source(), origin);
	}

	/**
	 * An alias a document adds to an entity another source defined, with the JSON pointer
	 * where the document gives it and the entity's kinds.
	 */
	record AddedAlias(String id, List<String> kinds, String alias, String pointer) {

		/**
		 * The alias folded as the entity's {@code search} lines are (a company's also
		 * without market tags), so look-ups find it as they find the owner's names.
		 */
		List<String> lines() {
			var lines = new ArrayList<String>();
			lines.add(TextFolding.fold(alias));
			if (kinds.contains("Company")) {
				lines.add(TextFolding.fold(TextFolding.companyKey(alias)));
			}
			return lines.stream().filter(line -> !line.isEmpty()).distinct().toList();
		}

	}

	/**
	 * The aliases a plan gives entities another source defined that the owner did not:
	 * issue 15 lets a document add aliases of its own to them (recorded as its own, so
	 * deleting or reloading it removes exactly those), never change the owner's.
	 */
	@SuppressWarnings("unchecked")
	static List<AddedAlias> addedAliases(WritePlan plan, Map<String, Existing> existing) {
		var added = new ArrayList<AddedAlias>();
		for (var node : plan.nodes()) {
			var before = existing.get(node.id());
			var pointer = plan.definitions().get(node.id());
			if (before == null || pointer == null || before.owner() == null || before.owner().equals(plan.source())) {
				continue;
			}
			var known = before.aliases() == null ? List.<String>of() : before.aliases();
			var aliases = (List<String>) node.props().getOrDefault("aliases", List.of());
			var kinds = before.labels().stream().filter(label -> !NOT_KINDS.contains(label)).toList();
			for (int i = 0; i < aliases.size(); i++) {
				if (!known.contains(aliases.get(i))) {
					added.add(new AddedAlias(node.id(), kinds, aliases.get(i), pointer + "/aliases/" + i));
				}
			}
		}
		return added;
	}

	private static final List<String> NOT_KINDS = List.of("Entity", "Broker", "Analyst");

	private static List<Map<String, Object>> aliasRows(List<AddedAlias> added, String source) {
		var byId = new LinkedHashMap<String, List<AddedAlias>>();
		added.forEach(alias -> byId.computeIfAbsent(alias.id(), id -> new ArrayList<>()).add(alias));
		return byId.entrySet()
			.stream()
			.map(entry -> Map.<String, Object>of("id", entry.getKey(), "source", source, "aliases",
					entry.getValue().stream().map(AddedAlias::alias).toList(), "lines",
					entry.getValue().stream().map(alias -> String.join("\n", alias.lines())).toList()))
			.toList();
	}

	/**
	 * Added aliases that another entity of one of the same kinds already answers to (its
	 * folded name or an alias), each pointing at that entity's id: two entities answering
	 * to one name would make look-ups by it ambiguous.
	 */
	List<Violation> aliasClashes(List<AddedAlias> added) {
		var rows = new ArrayList<Map<String, Object>>();
		var pointers = new HashMap<String, AddedAlias>();
		for (var alias : added) {
			var key = alias.pointer();
			pointers.put(key, alias);
			for (var kind : alias.kinds()) {
				rows.add(Map.of("id", alias.id(), "kind", kind, "name", TextFolding.fold(alias.alias()), "pointer",
						key));
			}
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		var violations = new ArrayList<Violation>();
		var seen = new HashSet<String>();
		cypher.query("ingest-alias-clashes").bind(rows).to("rows").fetch().all().forEach(row -> {
			var alias = pointers.get((String) row.get("pointer"));
			if (seen.add(alias.pointer())) {
				violations.add(new Violation(alias.pointer(),
						"\"" + alias.alias() + "\" already names the "
								+ ((String) row.get("kind")).toLowerCase(Locale.ROOT) + " \"" + row.get("existingName")
								+ "\" (id \"" + row.get("existingId") + "\"): it cannot also be an alias of \""
								+ alias.id() + "\""));
			}
		});
		return violations;
	}

	/**
	 * The plan without the node rows of entities another source defined: a document that
	 * restates one (checked equal by {@link #violationsAgainst}) writes nothing on it, so
	 * deleting the document leaves it as it was.
	 */
	static WritePlan ownNodes(WritePlan plan, Map<String, Existing> existing) {
		var nodes = plan.nodes().stream().filter(node -> {
			var before = existing.get(node.id());
			return before == null || !plan.definitions().containsKey(node.id()) || before.owner() == null
					|| before.owner().equals(plan.source());
		}).toList();
		return nodes.size() == plan.nodes().size() ? plan
				: new WritePlan(plan.source(), plan.isReport(), plan.contentHash(), nodes, plan.relationships(),
						plan.references(), plan.definitions(), plan.aliasesGiven());
	}

	/**
	 * The node rows as statement parameters; a report's own node also records its content
	 * hash.
	 */
	static List<Map<String, Object>> nodeParameters(WritePlan plan) {
		return plan.nodes().stream().map(row -> {
			if (!row.id().equals(plan.source()) || !plan.isReport()) {
				return row.asParameter();
			}
			var props = new LinkedHashMap<>(row.props());
			props.put("contentHash", plan.contentHash());
			return Map.<String, Object>of("id", row.id(), "labels", row.labels(), "props", props);
		}).toList();
	}

	/**
	 * Removes a report, every relationship it contributed and the nodes only it had
	 * defined. Other reports' edges, and entities from entity files, stay. False when
	 * there was no such report.
	 */
	@Transactional
	public boolean delete(String reportId) {
		if (cypher.query("ingest-lock-existing-report").bind(reportId).to("id").fetch().one().isEmpty()) {
			return false;
		}
		rankings.lock();
		rankings.removing(List.of(reportId));
		var endpoints = removeEdgesOf(reportId);
		cypher.query("ingest-remove-aliases").bind(reportId).to("source").run();
		cypher.query("ingest-delete-report").bind(reportId).to("id").run();
		cypher.query("ingest-delete-orphans").bind(endpoints).to("ids").run();
		cypher.query("ingest-drop-report-labels").bind(endpoints).to("ids").run();
		return true;
	}

	private List<String> removeEdgesOf(String reportId) {
		var endpoints = List
			.copyOf(cypher.query("ingest-report-endpoints").bind(reportId).to("id").fetchAs(String.class).all());
		cypher.query("ingest-delete-report-edges").bind(reportId).to("id").run();
		return endpoints;
	}

	/** Package-private so a test can write a plan whose references were never checked. */
	void writeRelationships(List<WritePlan.RelationshipRow> relationships) {
		var rows = relationships.stream().map(WritePlan.RelationshipRow::asParameter).toList();
		for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
			var batch = rows.subList(start, Math.min(rows.size(), start + BATCH_SIZE));
			long written = cypher.query("ingest-merge-relationships")
				.bind(batch)
				.to("rows")
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			if (written != batch.size()) {
				throw new ConcurrentWriteException("only " + written + " of " + batch.size()
						+ " relationships found both their ends; the report is rolled back");
			}
		}
	}

	private void inBatches(String query, List<Map<String, Object>> rows) {
		for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
			var batch = rows.subList(start, Math.min(rows.size(), start + BATCH_SIZE));
			neo4j.query(query).bind(batch).to("rows").run();
		}
	}

	/**
	 * What the graph holds of one id a document names: its labels, the source that
	 * defined it (null for nodes loaded before owners were recorded) and that source's
	 * names.
	 */
	record Existing(List<String> labels, String owner, String name, String nameEn, List<String> aliases) {

		@SuppressWarnings("unchecked")
		static Existing of(Map<String, Object> row) {
			return new Existing((List<String>) row.get("labels"), (String) row.get("owner"), (String) row.get("name"),
					(String) row.get("nameEn"), (List<String>) row.get("aliases"));
		}

		/** The same node once a document's row has been merged into it. */
		Existing with(WritePlan.NodeRow node, String source) {
			var union = new ArrayList<>(labels);
			node.labels().stream().filter(label -> !union.contains(label)).forEach(union::add);
			if (owner != null && !owner.equals(source)) {
				return new Existing(union, owner, name, nameEn, aliases);
			}
			@SuppressWarnings("unchecked")
			var newAliases = (List<String>) node.props().getOrDefault("aliases", aliases);
			return new Existing(union, node.props().containsKey("name") ? source : owner,
					(String) node.props().getOrDefault("name", name),
					(String) node.props().getOrDefault("nameEn", nameEn), newAliases);
		}

		static Existing of(WritePlan.NodeRow node, String source) {
			return new Existing(List.of(), null, null, null, null).with(node, source);
		}

	}

	/**
	 * Kinds whose new entities may not take a name an existing one of the same kind
	 * already answers to: two nodes for one technology split its evidence. Companies (an
	 * A+H listing's two codes share a name), people (namesakes) and report-local themes
	 * and risks may share names.
	 */
	static final List<String> ONE_NAME_KINDS = List.of("Technology", "Product", "Work", "Organization");

	private Map<String, Existing> existingOf(WritePlan plan) {
		var ids = new ArrayList<String>(plan.references().keySet());
		ids.addAll(plan.definitions().keySet());
		var existing = new HashMap<String, Existing>();
		cypher.query("ingest-existing-ids")
			.bind(ids)
			.to("ids")
			.fetch()
			.all()
			.forEach(row -> existing.put((String) row.get("id"), Existing.of(row)));
		return existing;
	}

	private void checkAgainstGraph(WritePlan plan, String origin) {
		var existing = existingOf(plan);
		var violations = violationsAgainst(plan, existing);
		violations.addAll(foldedNameClashes(plan, existing));
		violations.addAll(aliasClashes(addedAliases(plan, existing)));
		violations.addAll(CompanyHistory.clashes(plan, existing, cypher));
		if (!violations.isEmpty()) {
			throw new InvalidDocumentException(origin, violations);
		}
	}

	/**
	 * The new entities of {@link #ONE_NAME_KINDS} in a plan, each kind with its folded
	 * name, as rows of {@code ingest-folded-names.cypher}.
	 */
	static List<Map<String, Object>> newNames(WritePlan plan, Map<String, ?> existing) {
		var rows = new ArrayList<Map<String, Object>>();
		for (var node : plan.nodes()) {
			if (existing.containsKey(node.id()) || !plan.definitions().containsKey(node.id())) {
				continue;
			}
			var name = TextFolding.fold((String) node.props().get("name"));
			node.labels()
				.stream()
				.filter(ONE_NAME_KINDS::contains)
				.forEach(kind -> rows.add(Map.of("id", node.id(), "kind", kind, "name", name)));
		}
		return rows;
	}

	/**
	 * New entities whose folded name an existing one of the same kind already answers to,
	 * each pointing at that entity's id.
	 */
	List<Violation> foldedNameClashes(WritePlan plan, Map<String, Existing> existing) {
		var rows = newNames(plan, existing);
		if (rows.isEmpty()) {
			return List.of();
		}
		var violations = new ArrayList<Violation>();
		cypher.query("ingest-folded-names").bind(rows).to("rows").fetch().all().forEach(row -> {
			var id = (String) row.get("id");
			violations.add(new Violation(plan.definitions().get(id) + "/name",
					"a " + ((String) row.get("kind")).toLowerCase(java.util.Locale.ROOT) + " named \""
							+ row.get("existingName") + "\" already exists as id \"" + row.get("existingId")
							+ "\": refer to that id instead of defining \"" + id + "\""));
		});
		return violations;
	}

	/**
	 * What is wrong with a plan given what the graph already has of the ids it names:
	 * unknown references, ids that already name another kind, and changes to an entity
	 * another source defined (its name, English name, kinds or aliases), each with the
	 * value that source gave. Shared with {@link BulkLoader}, which passes the graph as
	 * earlier documents of its batch will have left it.
	 */
	static List<Violation> violationsAgainst(WritePlan plan, Map<String, Existing> existing) {
		var violations = new ArrayList<Violation>();
		plan.references().forEach((id, pointer) -> {
			if (!existing.containsKey(id)) {
				violations.add(new Violation(pointer, "unknown id \"" + id
						+ "\": define it in this document's entities or load an entity file that does"));
			}
		});
		for (var node : plan.nodes()) {
			var before = existing.get(node.id());
			var pointer = plan.definitions().get(node.id());
			if (before == null || pointer == null) {
				continue;
			}
			var labels = before.labels();
			var kinds = new HashSet<>(node.labels());
			kinds.removeAll(List.of("Entity", "Broker", "Analyst"));
			if (labels.stream().noneMatch(kinds::contains)) {
				violations.add(new Violation(pointer,
						"id \"" + node.id() + "\" already names a "
								+ String.join("/", labels.stream().filter(l -> !"Entity".equals(l)).toList())
								+ ", not a " + String.join("/", kinds)));
				continue;
			}
			if (before.owner() == null || before.owner().equals(plan.source())) {
				continue;
			}
			violations.addAll(changesToForeign(node, kinds, before, pointer, plan.aliasesGiven().contains(node.id())));
			violations.addAll(CompanyHistory.onForeign(node, before.owner(), pointer));
		}
		return violations;
	}

	private static List<Violation> changesToForeign(WritePlan.NodeRow node, Set<String> kinds, Existing before,
			String pointer, boolean aliasesGiven) {
		var violations = new ArrayList<Violation>();
		var owner = "\"" + node.id() + "\" is defined by " + before.owner();
		var added = kinds.stream().filter(kind -> !before.labels().contains(kind)).sorted().toList();
		if (!added.isEmpty()) {
			violations.add(new Violation(pointer,
					owner + " as a "
							+ String.join("/", before.labels().stream().filter(l -> !"Entity".equals(l)).toList())
							+ "; a document may not make it a " + String.join("/", added)));
		}
		for (var field : List.of("name", "nameEn")) {
			var value = node.props().get(field);
			var was = "name".equals(field) ? before.name() : before.nameEn();
			if (value != null && !value.equals(was)) {
				violations.add(new Violation(pointer + "/" + field, owner + ", whose " + field + " is "
						+ (was == null ? "unset" : "\"" + was + "\"") + ": a document may not change it"));
			}
		}
		// Aliases the owner did not give are the document's own (addedAliases). A list
		// that leaves out one of the owner's would remove it, or rename it when the list
		// also gives new ones: refused, the empty list too. No list at all is a plain
		// restatement.
		@SuppressWarnings("unchecked")
		var aliases = (List<String>) node.props().getOrDefault("aliases", List.of());
		var known = before.aliases() == null ? List.<String>of() : before.aliases();
		if ((aliases.isEmpty() && !aliasesGiven) || aliases.containsAll(known)) {
			return violations;
		}
		var message = owner + ", whose aliases are " + known + ": a document may not change them";
		var renamed = false;
		for (int i = 0; i < aliases.size(); i++) {
			if (!known.contains(aliases.get(i))) {
				violations.add(new Violation(pointer + "/aliases/" + i, message));
				renamed = true;
			}
		}
		if (!renamed) {
			violations.add(new Violation(pointer + "/aliases", message));
		}
		return violations;
	}

}
