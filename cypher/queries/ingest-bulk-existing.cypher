// Bulk ingest: which of $ids the graph already has, with their labels, owner and names (as
// ingest-existing-ids.cypher) and, for a report, the hash of the content it was loaded from.
// :param ids => ['sora', 'tebon-2024-03-sora']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.contentHash AS hash, coalesce(n.definedBy, n.source) AS owner,
       n.name AS name, n.nameEn AS nameEn, n.aliases AS aliases
