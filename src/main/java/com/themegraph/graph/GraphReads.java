package com.themegraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.TransactionTerminatedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a named read query in a transaction of its own, bounded by
 * {@code themegraph.limits.read-timeout-seconds}, and returns its rows as maps of plain
 * Java values (String, Long, Double, Boolean, List, Map).
 * <p>
 * With the embedded store the query runs in this process, through the embedded database's
 * own API: no Bolt round trips (begin, run, pull, commit), which on a busy two-core
 * machine cost more than the hot answers' queries themselves (issue 12, see
 * docs/benchmarks.md). With a Neo4j server it goes through the driver in a read-only
 * transaction (a READ session, which a cluster routes to its readers), as
 * {@link ReadTransaction} reads do.
 */
@Component
public class GraphReads {

	private final CypherQueries cypher;

	private final DatabaseManagementService embedded;

	private final TransactionTemplate overBolt;

	private final int timeoutSeconds;

	GraphReads(CypherQueries cypher, ObjectProvider<DatabaseManagementService> embedded,
			PlatformTransactionManager transactions, @Value("${themegraph.limits.read-timeout-seconds:"
					+ ReadTransaction.DEFAULT_TIMEOUT_SECONDS + "}") int timeoutSeconds) {
		this.cypher = cypher;
		this.embedded = embedded.getIfAvailable();
		this.timeoutSeconds = timeoutSeconds;
		this.overBolt = new TransactionTemplate(transactions);
		this.overBolt.setReadOnly(true);
		if (timeoutSeconds > 0) {
			this.overBolt.setTimeout(timeoutSeconds);
		}
	}

	/**
	 * The first row of a named query, if any.
	 * @param name the file name in {@code cypher/queries/} without {@code .cypher}
	 * @param parameters its parameters (values null allowed)
	 * @throws ReadTimedOutException when the query runs past the read timeout
	 */
	public Optional<Map<String, Object>> one(String name, Map<String, Object> parameters) {
		var rows = rows(name, parameters, 1);
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	/**
	 * Every row of a named query.
	 * @throws ReadTimedOutException when the query runs past the read timeout
	 */
	public List<Map<String, Object>> all(String name, Map<String, Object> parameters) {
		return rows(name, parameters, Integer.MAX_VALUE);
	}

	private List<Map<String, Object>> rows(String name, Map<String, Object> parameters, int most) {
		if (embedded == null) {
			return overBolt.execute(status -> {
				var spec = cypher.query(name).bindAll(parameters).fetch();
				return most == 1 ? spec.one().map(List::of).orElse(List.of()) : List.copyOf(spec.all());
			});
		}
		return inProcess(cypher.get(name), parameters, most);
	}

	/**
	 * Runs a query's text in this process (the embedded store), in a bounded transaction.
	 */
	List<Map<String, Object>> inProcess(String text, Map<String, Object> parameters, int most) {
		var database = embedded.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		try (var tx = timeoutSeconds > 0 ? database.beginTx(timeoutSeconds, TimeUnit.SECONDS) : database.beginTx()) {
			var rows = new ArrayList<Map<String, Object>>();
			try (var result = tx.execute(text, new HashMap<>(parameters))) {
				while (rows.size() < most && result.hasNext()) {
					rows.add(copy(result.next()));
				}
			}
			tx.commit();
			return rows;
		}
		catch (TransactionTerminatedException ex) {
			if (ex.status().code().serialize().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
				throw new ReadTimedOutException(timeoutSeconds, ex);
			}
			throw ex;
		}
	}

	/**
	 * A plain copy of a value of a result row, valid after its transaction: the service's
	 * queries return maps, lists and scalars, never nodes.
	 */
	@SuppressWarnings("unchecked")
	private static <T> T copy(Object value) {
		if (value instanceof Map<?, ?> map) {
			var copy = new LinkedHashMap<String, Object>();
			map.forEach((key, item) -> copy.put((String) key, copy(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			var copy = new ArrayList<>(list.size());
			list.forEach(item -> copy.add(copy(item)));
			return (T) copy;
		}
		if (value instanceof Integer number) {
			return (T) Long.valueOf(number);
		}
		return (T) value;
	}

	/** A read stopped by Neo4j at {@code themegraph.limits.read-timeout-seconds}. */
	public static class ReadTimedOutException extends RuntimeException {

		/**
		 * @param seconds the timeout that stopped it
		 * @param cause what Neo4j threw
		 */
		public ReadTimedOutException(int seconds, Throwable cause) {
			super("read stopped after its timeout of " + seconds + " s", cause);
		}

	}

}
