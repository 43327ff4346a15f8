package com.themegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.themegraph.graph.CypherQueries;
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

	DocumentLoader(Neo4jClient neo4j, DocumentSchemas schemas, CypherQueries cypher) {
		this.cypher = cypher;
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
			if (previous.isPresent()) {
				previousEndpoints = removeEdgesOf(plan.source());
				outcome = Outcome.UPDATED;
			}
		}
		else {
			checkAgainstGraph(plan, origin);
		}
		inBatches(cypher.get("ingest-merge-nodes"), nodeParameters(plan));
		writeRelationships(plan.relationships());
		if (!previousEndpoints.isEmpty()) {
			cypher.query("ingest-delete-orphans").bind(previousEndpoints).to("ids").run();
		}
		return new LoadResult(plan.source(), outcome, plan.nodes().size(), plan.relationships().size());
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
		var endpoints = removeEdgesOf(reportId);
		cypher.query("ingest-delete-report").bind(reportId).to("id").run();
		cypher.query("ingest-delete-orphans").bind(endpoints).to("ids").run();
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

	private void checkAgainstGraph(WritePlan plan, String origin) {
		var ids = new ArrayList<String>(plan.references().keySet());
		ids.addAll(plan.definitions().keySet());
		var existing = new HashMap<String, List<String>>();
		cypher.query("ingest-existing-ids").bind(ids).to("ids").fetch().all().forEach(row -> {
			@SuppressWarnings("unchecked")
			var labels = (List<String>) row.get("labels");
			existing.put((String) row.get("id"), labels);
		});
		var violations = violationsAgainst(plan, existing);
		if (!violations.isEmpty()) {
			throw new InvalidDocumentException(origin, violations);
		}
	}

	/**
	 * What is wrong with a plan given the labels of the ids the graph already has:
	 * unknown references, and ids that already name another kind. Shared with
	 * {@link BulkLoader}, which passes the graph as earlier documents of its batch will
	 * have left it.
	 */
	static List<Violation> violationsAgainst(WritePlan plan, Map<String, List<String>> existing) {
		var violations = new ArrayList<Violation>();
		plan.references().forEach((id, pointer) -> {
			if (!existing.containsKey(id)) {
				violations.add(new Violation(pointer, "unknown id \"" + id
						+ "\": define it in this document's entities or load an entity file that does"));
			}
		});
		for (var node : plan.nodes()) {
			var labels = existing.get(node.id());
			var pointer = plan.definitions().get(node.id());
			if (labels == null || pointer == null) {
				continue;
			}
			var kinds = new HashSet<>(node.labels());
			kinds.removeAll(List.of("Entity", "Broker", "Analyst"));
			if (labels.stream().noneMatch(kinds::contains)) {
				violations.add(new Violation(pointer,
						"id \"" + node.id() + "\" already names a "
								+ String.join("/", labels.stream().filter(l -> !"Entity".equals(l)).toList())
								+ ", not a " + String.join("/", kinds)));
			}
		}
		return violations;
	}

}
