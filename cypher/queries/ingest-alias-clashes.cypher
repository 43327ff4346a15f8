// Ingest: other entities of the same kind that already answer to (by folded name or alias) an
// alias a document adds to another source's entity: the document is refused, pointed at them.
// The CONTAINS lets the entity_search text index narrow candidates.
// :param rows => [{id: 'sora', kind: 'Technology', name: 'stable video', pointer: '/entities/technologies/0/aliases/0'}]
UNWIND $rows AS row
MATCH (n:Entity)
WHERE n.search CONTAINS row.name
  AND row.name IN split(n.search, '\n')
  AND row.kind IN labels(n)
  AND n.id <> row.id
RETURN row.pointer AS pointer, row.kind AS kind, n.id AS existingId, n.name AS existingName
ORDER BY pointer, existingId
