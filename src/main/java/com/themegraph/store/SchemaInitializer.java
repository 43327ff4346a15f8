package com.themegraph.store;

import com.themegraph.graph.CypherQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema.cypher} (constraints and indexes, each
 * {@code IF NOT EXISTS}) before anything reads or writes, so a new store and an existing
 * one end up with the same schema.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SchemaInitializer {

	private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

	SchemaInitializer(Neo4jClient neo4j) {
		var statements = CypherQueries.statements(CypherQueries.read(new ClassPathResource("cypher/schema.cypher")));
		statements.forEach(statement -> neo4j.query(statement).run());
		neo4j.query("CALL db.awaitIndexes(300)").run();
		log.info("Schema applied: {} statements from cypher/schema.cypher", statements.size());
	}

}
