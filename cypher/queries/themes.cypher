// Every theme: how many distinct stocks it holds and the reports that group stocks under it, in
// the order reports list them: one page of them, and how many themes there are (total). The page
// is cut before stocks are counted.
// :param skip => 0
// :param limit => 50
MATCH (t:Theme)
OPTIONAL MATCH (:Report)-[h:HAS_THEME]->(t)
WITH t, min(h.position) AS position
ORDER BY position, t.id
WITH collect(t) AS ordered
CALL (ordered) {
  UNWIND range(0, size(ordered) - 1) AS index
  WITH index, ordered[index] AS t
  SKIP $skip LIMIT $limit
  OPTIONAL MATCH (t)-[rec:RECOMMENDS]->(c:Company)
  WITH index, t, count(DISTINCT c) AS stocks, count(rec) AS recommendations
  OPTIONAL MATCH (r:Report)-[h:HAS_THEME]->(t)
  WITH index, t, stocks, recommendations,
       collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, title: r.title, quote: h.quote} END) AS reports
  ORDER BY index
  RETURN collect({id: t.id, name: t.name, nameEn: t.nameEn, stocks: stocks, recommendations: recommendations,
                  reports: reports}) AS themes
}
RETURN size(ordered) AS total, themes
