// Ingest: takes the write lock of one report id before its content is compared, so writers of
// the same id (two versions of a new report, a POST racing a DELETE) run one after the other and
// the graph ends as exactly one version. MERGE on the unique :Entity id makes a second creator
// wait until the first commits; SET takes the lock (held to the end of the transaction) and the
// REMOVE leaves no trace. A new id becomes a bare :Report that the load then fills in (or that
// its rollback removes). Returns the content hash of the version already loaded, if any.
// :param id => 'tebon-2024-03-sora'
MERGE (r:Entity {id: $id})
  ON CREATE SET r:Report
SET r._writeLock = true
REMOVE r._writeLock
RETURN r.contentHash AS hash
