// Ingest: the report-level paths of some reports, as rows for ingest-rankings-apply.cypher:
// per (stock, technology/product/work), weight 2 for each report about the target and 1 for
// each that only mentions it, among the reports that recommend the stock in one of their own
// themes (technology-stocks-computed.cypher's report-about and report-mentions). Such a path
// belongs to its report alone, so loading the report adds exactly these and deleting it takes
// exactly these away.
// :param reports => ['tebon-2024-03-sora']
UNWIND $reports AS id
MATCH (r:Report {id: id})
CALL (r) {
  MATCH (t:Theme)-[rec:RECOMMENDS]->(c:Company)
  WHERE rec.source = r.id AND rec.report = r.id AND EXISTS { (r)-[:HAS_THEME]->(t) }
  RETURN DISTINCT c
}
MATCH (r)-[a:ABOUT|MENTIONS]->(target)
WHERE target:Technology OR target:Product OR target:Work
WITH c, r, target, max(CASE type(a) WHEN 'ABOUT' THEN 2 ELSE 1 END) AS weight
RETURN c.code AS code, target.id AS target, sum(weight) AS score, count(*) AS paths
