// Ingest: after a report's edges are gone, takes off the labels it had given existing nodes that
// nothing else justifies now: Analyst (no AUTHORED edge left) and Broker (no PUBLISHED edge left,
// and not a broker by its own definition), so deleting a report leaves those nodes as they were.
// :param ids => ['some-person']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  WITH n WHERE n:Analyst AND NOT (n)-[:AUTHORED]->()
  REMOVE n:Analyst
}
CALL (n) {
  WITH n WHERE n:Broker AND coalesce(n.type, '') <> 'broker' AND NOT (n)-[:PUBLISHED]->()
  REMOVE n:Broker
}
RETURN count(n) AS checked
