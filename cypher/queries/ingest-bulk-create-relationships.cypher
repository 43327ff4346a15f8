// Bulk ingest: the relationships of reports the graph has never seen (see
// ingest-bulk-sourced-edges.cypher), which no existing edge can match: what
// ingest-merge-relationships.cypher would do, without looking for one first.
// $rows: [{type, from, to, props: {source, report, quote, offset, sentence, ...}}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[e:$(row.type)]->(b)
SET e = row.props
