// Every loaded report, newest first, with its broker and how much it recommends: one page of
// them. The page is cut before the counting, so a page's work does not grow with the corpus.
// :param skip => 0
// :param limit => 50
MATCH (r:Report)
WITH r ORDER BY r.publishedLatest DESC, r.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (b:Organization)-[:PUBLISHED]->(r)
OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme)-[rec:RECOMMENDS]->(c:Company)
WHERE rec.report = r.id
WITH r, b, count(DISTINCT t) AS themes, count(rec) AS recommendations, count(DISTINCT c) AS companies
RETURN r.id AS id, r.title AS title, b.id AS brokerId, b.name AS broker, b.nameEn AS brokerEn,
       r.industry AS industry, r.rating AS rating, r.ratingAction AS ratingAction,
       r.publishedEarliest AS publishedEarliest, r.publishedLatest AS publishedLatest,
       r.publishedPrecision AS publishedPrecision, themes, recommendations, companies
ORDER BY publishedLatest DESC, id
