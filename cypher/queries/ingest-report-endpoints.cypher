// Ingest: the nodes at either end of a report's relationships, so that nodes only it defined
// can be removed when it is replaced or deleted, and the entities it defined, linked or not.
// :param id => 'tebon-2024-03-sora'
MATCH (:Report {id: $id})-[e]-(n) WHERE e.source = $id RETURN n.id AS id
UNION MATCH (n)-[:RECOMMENDS {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:ABOUT {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:USES {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:IS_A {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:MADE_BY {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:PRODUCED_BY {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:MADE_WITH {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:AFFILIATED_WITH {source: $id}]-() RETURN n.id AS id
UNION MATCH (n)-[:SUCCEEDS {source: $id}]-() RETURN n.id AS id
UNION MATCH (n:Entity {definedBy: $id}) RETURN n.id AS id
