// Ingest: creates or updates one batch of nodes. $rows: [{id, labels, props}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
