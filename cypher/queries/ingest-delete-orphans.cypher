// Ingest: removes nodes a replaced or deleted report alone had defined: no relationship left,
// and not from an entity file (those carry `source`). Listed companies from entity files stay.
// :param ids => ['some-theme']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.source IS NULL AND NOT (n)--()
DELETE n
RETURN count(n) AS deleted
