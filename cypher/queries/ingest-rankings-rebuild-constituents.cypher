// Ingest: builds :Constituent from nothing for some themes (ingest-rankings-rebuild), as
// ingest-rankings-constituents.cypher keeps it.
// :param themes => ['ai-video-tools']
UNWIND $themes AS id
MATCH (t:Theme {id: id})-[rec:RECOMMENDS]->(c:Company)
WITH t, c, count(rec) AS evidence, min(rec.position) AS position
MERGE (k:Constituent {theme: t.id, code: c.code})
SET k.evidence = evidence, k.position = position
