// Ingest: creates or updates one batch of relationships, one per (type, from, to, source).
// Returns how many it wrote: the loader checks that every row found both ends, so a node that
// vanished after the checks fails the whole report instead of leaving it without an edge.
// $rows: [{type, from, to, props: {source, report, quote, offset, sentence, ...}}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[e:$(row.type) {source: row.props.source}]->(b)
SET e += row.props
RETURN count(e) AS written
