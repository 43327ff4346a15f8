package com.themegraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.themegraph.GraphIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.ExecutionPlanDescription;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the kept rankings answer a page in index order, never by sorting every row of
 * a theme, technology or stock. The planner chooses that order only when the query orders
 * by the whole index key and reads the index that has the rank (a uniqueness index on the
 * same label has none), so the rule is checked on the plan Neo4j makes of each query
 * file.
 */
class RankedPagePlanIT extends GraphIT {

	@Autowired
	CypherQueries cypher;

	@Autowired
	DatabaseManagementService embedded;

	@ParameterizedTest
	@CsvSource({ "technology-stocks, id, sora, 'Exposure(target, rank, code)'",
			"stock-exposure, code, 300459.SZ, 'Exposure(code, rank, target)'",
			"theme-stocks, id, ai-video-tools, 'Constituent(theme, position, code)'" })
	void aPageIsReadInIndexOrderAndStopsAtItsLimit(String query, String key, String value, String index) {
		var parameters = new HashMap<String, Object>(Map.of(key, value, "skip", 0L, "limit", 50L));
		parameters.put("evidenceLimit", null);
		parameters.put("pathLimit", null);
		var plan = explain(cypher.get(query), parameters);
		var seeks = find(plan, step -> step.getName().startsWith("NodeIndexSeek") && details(step).contains(index));
		assertThat(seeks).as("index seeks on %s in %s: %s", index, query, plan).isNotEmpty();
		// The page's own read: the limit sits right on the ordered seek, with no sort
		// (Top)
		// of every row between them.
		var pageReads = find(plan,
				step -> step.getName().startsWith("Limit") && step.getChildren().size() == 1
						&& step.getChildren().get(0).getName().startsWith("NodeIndexSeek")
						&& details(step.getChildren().get(0)).contains(index));
		assertThat(pageReads).as("Limit directly over the seek on %s in %s", index, query).hasSize(1);
	}

	ExecutionPlanDescription explain(String query, Map<String, Object> parameters) {
		var database = embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		try (var tx = database.beginTx(); var result = tx.execute("EXPLAIN " + query, parameters)) {
			return result.getExecutionPlanDescription();
		}
	}

	static String details(ExecutionPlanDescription step) {
		return String.valueOf(step.getArguments().get("Details"));
	}

	static List<ExecutionPlanDescription> find(ExecutionPlanDescription plan,
			Predicate<ExecutionPlanDescription> test) {
		var found = new ArrayList<ExecutionPlanDescription>();
		var pending = new ArrayList<>(List.of(plan));
		while (!pending.isEmpty()) {
			var step = pending.remove(pending.size() - 1);
			if (test.test(step)) {
				found.add(step);
			}
			pending.addAll(step.getChildren());
		}
		return found;
	}

}
