// Ingest: which of $ids the graph already has, with their labels, the source that defined each
// (`definedBy`; an entity file's `source` for nodes loaded before it was recorded) and what that
// source said: a document may restate another source's entity but not change it.
// :param ids => ['sora', '300459.SZ']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, coalesce(n.definedBy, n.source) AS owner, n.name AS name,
       n.nameEn AS nameEn, n.aliases AS aliases
