// Bulk ingest: which of $ids (reports with no node yet) some edge already names as its source.
// Every edge a report writes either touches its node or is of one of these types, each indexed
// on source, so a report that appears in neither has no edge an idempotent MERGE could match.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH ()-[e:RECOMMENDS {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:ABOUT {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:USES {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:IS_A {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:MADE_BY {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:PRODUCED_BY {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:MADE_WITH {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:AFFILIATED_WITH {source: id}]->() RETURN e LIMIT 1
  UNION
  OPTIONAL MATCH ()-[e:SUCCEEDS {source: id}]->() RETURN e LIMIT 1
}
WITH id, count(e) AS edges
WHERE edges > 0
RETURN id
