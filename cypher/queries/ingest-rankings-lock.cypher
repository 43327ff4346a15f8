// Ingest: locks the kept rankings before a writer changes them (every load, replace or delete
// that touches edges), so writers' changes to them are computed one after the other, each on
// the graph as the one before it committed it. Writing a property takes the node's lock until
// the transaction ends; it writes the value already there, so the graph is unchanged by it.
// Returns the version of the rules the kept rows were built with (null when they never were).
MERGE (k:RankingState {id: 'rankings'})
SET k.locked = true
RETURN k.version AS version
