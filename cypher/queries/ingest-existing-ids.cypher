// Ingest: which of $ids the graph already has, with their labels.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
