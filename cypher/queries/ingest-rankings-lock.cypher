// Ingest: locks the kept rankings before a writer changes them (every load, replace or delete
// that touches edges), so writers' changes to them are computed one after the other, each on
// the graph as the one before it committed it. Returns the version of the rules the kept rows
// were built with (null when they never were).
MERGE (k:RankingState {id: 'rankings'})
SET k.writes = coalesce(k.writes, 0) + 1
RETURN k.version AS version
