// Every theme: how many distinct stocks it holds and the reports that group stocks under it, in
// the order reports list them: one page of them. The page is cut before stocks are counted.
// :param skip => 0
// :param limit => 50
MATCH (t:Theme)
OPTIONAL MATCH (:Report)-[h:HAS_THEME]->(t)
WITH t, min(h.position) AS position
ORDER BY position, t.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (t)-[rec:RECOMMENDS]->(c:Company)
WITH t, position, count(DISTINCT c) AS stocks, count(rec) AS recommendations
OPTIONAL MATCH (r:Report)-[h:HAS_THEME]->(t)
WITH t, position, stocks, recommendations,
     collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, title: r.title, quote: h.quote} END) AS reports
RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, stocks, recommendations, reports
ORDER BY position, id
