// Ingest: creates or updates one batch of nodes. $rows: [{id, labels, props}]. When the owner
// writes an entity's `search` anew while other sources' added aliases stand (ingest-add-aliases),
// the new value becomes `searchBase` and the added lines are appended again.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
WITH n, row
WHERE row.props.search IS NOT NULL AND n.addedAliasLines IS NOT NULL
WITH n, split(row.props.search, '\n') AS baseLines
WITH n, baseLines,
     reduce(extra = [], entry IN n.addedAliasLines |
       extra + [line IN split(entry, '\n') WHERE NOT line IN baseLines AND NOT line IN extra]) AS extra
SET n.searchBase = n.search, n.search = reduce(text = n.search, line IN extra | text + '\n' + line)
