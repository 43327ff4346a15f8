// Ingest: keeps :Constituent (a theme's stock, its place and count of recommendations) for
// every (theme, stock) a source recommends in, as the graph will be: with the source's edges
// ($sign 1, run after writing them) or without them ($sign -1, run before deleting them).
// A pair left with no recommendation loses its row.
// :param sources => ['tebon-2024-03-sora']
// :param sign => 1
MATCH (t:Theme)-[e:RECOMMENDS]->(c:Company)
WHERE e.source IN $sources
WITH DISTINCT t, c
CALL (t, c) {
  OPTIONAL MATCH (t)-[rec:RECOMMENDS]->(c)
  WHERE $sign > 0 OR NOT rec.source IN $sources
  RETURN count(rec) AS evidence, min(rec.position) AS position
}
WITH t.id AS theme, c.code AS code, evidence, position
ORDER BY theme, code
MERGE (k:Constituent {theme: theme, code: code})
SET k.evidence = evidence, k.position = position
WITH k
WHERE k.evidence = 0
DELETE k
