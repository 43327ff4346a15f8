// Ingest: removes nodes a replaced or deleted report alone had defined: no relationship left,
// and not from an entity file (those carry `source`). Listed companies from entity files stay.
// Each candidate is locked before it is looked at: a writer that is linking it holds that lock
// until it commits, and once it has, the link is seen and the node stays.
// :param ids => ['some-theme']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.source IS NULL
SET n.orphanCheck = true
REMOVE n.orphanCheck
WITH n
WHERE NOT (n)--()
DELETE n
RETURN count(n) AS deleted
