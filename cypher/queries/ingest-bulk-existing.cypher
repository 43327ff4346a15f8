// Bulk ingest: which of $ids the graph already has, with their labels and, for a report, the
// hash of the content it was loaded from.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.contentHash AS hash
