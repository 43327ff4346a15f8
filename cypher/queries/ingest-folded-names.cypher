// Ingest: existing entities of the same kind whose name or an alias, folded, equals the folded
// name of an entity a document defines anew (`SORA` beside `sora`): the document is refused and
// pointed at the existing id. The CONTAINS lets the entity_search text index narrow candidates.
// :param rows => [{id: 'sora-2', kind: 'Technology', name: 'sora'}]
UNWIND $rows AS row
MATCH (n:Entity)
WHERE n.search CONTAINS row.name
  AND row.name IN split(n.search, '\n')
  AND row.kind IN labels(n)
  AND n.id <> row.id
RETURN row.id AS id, row.kind AS kind, n.id AS existingId, n.name AS existingName
ORDER BY id, existingId
