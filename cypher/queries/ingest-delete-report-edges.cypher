// Ingest: removes every relationship a report contributed, before its new version is written.
// Other reports' edges, and the nodes themselves, stay.
CALL () { MATCH (:Report {id: $id})-[e]-() WHERE e.source = $id DELETE e }
CALL () { MATCH ()-[e:RECOMMENDS {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:ABOUT {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:USES {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:IS_A {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:MADE_BY {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:PRODUCED_BY {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:MADE_WITH {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:AFFILIATED_WITH {source: $id}]->() DELETE e }
CALL () { MATCH ()-[e:SUCCEEDS {source: $id}]->() DELETE e }
