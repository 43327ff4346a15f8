// Ingest: creates or updates one batch of relationships, one per (type, from, to, source).
// $rows: [{type, from, to, props: {source, report, quote, offset, sentence, ...}}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[e:$(row.type) {source: row.props.source}]->(b)
SET e += row.props
