// Every theme: how many distinct stocks it holds and the reports that group stocks under it.
MATCH (t:Theme)
OPTIONAL MATCH (t)-[rec:RECOMMENDS]->(c:Company)
WITH t, count(DISTINCT c) AS stocks, count(rec) AS recommendations
OPTIONAL MATCH (r:Report)-[h:HAS_THEME]->(t)
WITH t, stocks, recommendations, min(h.position) AS position,
     collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, title: r.title, quote: h.quote} END) AS reports
RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, stocks, recommendations, reports
ORDER BY position, id
