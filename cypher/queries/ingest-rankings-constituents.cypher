// Ingest: keeps :Constituent (a theme's stock, its place and count of recommendations) for
// every (theme, stock) a source recommends in: adds ($sign 1, run after writing the source's
// edges) or takes away ($sign -1, run before deleting them) the source's recommendations. A
// pair left with none loses its row; one that loses the recommendation that gave its place
// (the lowest position) takes the lowest of those left.
// :param sources => ['tebon-2024-03-sora']
// :param sign => 1
MATCH (t:Theme)-[e:RECOMMENDS]->(c:Company)
USING INDEX e:RECOMMENDS(source)
WHERE e.source IN $sources
WITH t, c, count(e) AS evidence, min(e.position) AS position
WITH t, c, evidence, position
ORDER BY t.id, c.code
MERGE (k:Constituent {theme: t.id, code: c.code})
ON CREATE SET k.evidence = 0
SET k.evidence = k.evidence + $sign * evidence
WITH t, c, k, position
CALL (k, position) {
  WITH k, position
  WHERE $sign > 0 AND (k.position IS NULL OR position < k.position)
  SET k.position = position
}
CALL (t, c, k, position) {
  WITH t, c, k, position
  WHERE $sign < 0 AND k.evidence > 0 AND position = k.position
  MATCH (t)-[rec:RECOMMENDS]->(c)
  WHERE NOT rec.source IN $sources
  WITH k, min(rec.position) AS lowest
  SET k.position = lowest
}
WITH k
WHERE k.evidence <= 0
DELETE k
