package com.themegraph.store;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * The embedded store's version: the highest transaction id up to which every transaction
 * is closed, read from Neo4j's {@link TransactionIdStore} (an internal API, resolved
 * through the database's dependency resolver, as Neo4j's own tests do).
 * <p>
 * Closed rather than "last committed": Neo4j counts a transaction committed once it is in
 * the log, and closed once its changes are applied to the store, so only the closed id
 * guarantees a read started afterwards sees the transaction. Taking the committed one, an
 * answer could carry a new version with old content and be revalidated as current until
 * the next write.
 */
final class EmbeddedGraphVersion implements GraphVersion {

	private final DatabaseManagementService service;

	EmbeddedGraphVersion(DatabaseManagementService service) {
		this.service = service;
	}

	@Override
	public long current() {
		// Resolved on every call (a map look-up): a stopped and restarted database gets
		// new components.
		var database = (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		return database.getDependencyResolver()
			.resolveDependency(TransactionIdStore.class)
			.getHighestGapFreeClosedTransaction()
			.transactionId()
			.id();
	}

}
