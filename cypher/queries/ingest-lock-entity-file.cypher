// Ingest: takes the write lock of one entity file (its source and file name) before its content
// is compared, as ingest-lock-report.cypher does for a report, and returns the hash of the
// content last loaded from it and the facts it stated then ("TYPE<tab>from<tab>to").
// :param id => 'entity-facts reference.json'
MERGE (f:EntityFile {id: $id})
SET f._writeLock = true
REMOVE f._writeLock
RETURN f.contentHash AS hash, coalesce(f.facts, []) AS facts
