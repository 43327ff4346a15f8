// Every loaded report, newest first, with its broker and how much it recommends: one page of
// them, and how many reports there are (total). $since and $until (ISO dates, inclusive, null for
// open) keep the reports whose publication range overlaps them. The page is cut before the
// counting, so a page's work does not grow with the corpus.
// :param skip => 0
// :param limit => 50
// :param since => null
// :param until => null
MATCH (r:Report)
WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
WITH r ORDER BY r.publishedLatest DESC, r.id
WITH collect(r) AS ordered
CALL (ordered) {
  UNWIND range(0, size(ordered) - 1) AS index
  WITH index, ordered[index] AS r
  SKIP $skip LIMIT $limit
  OPTIONAL MATCH (b:Organization)-[:PUBLISHED]->(r)
  OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme)-[rec:RECOMMENDS]->(c:Company)
  WHERE rec.report = r.id
  WITH index, r, b, count(DISTINCT t) AS themes, count(rec) AS recommendations, count(DISTINCT c) AS companies
  ORDER BY index
  RETURN collect({id: r.id, title: r.title, brokerId: b.id, broker: b.name, brokerEn: b.nameEn,
                  industry: r.industry, rating: r.rating, ratingAction: r.ratingAction,
                  publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
                  publishedPrecision: r.publishedPrecision, themes: themes, recommendations: recommendations,
                  companies: companies}) AS reports
}
RETURN size(ordered) AS total, reports
