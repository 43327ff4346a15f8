// One report: metadata, analysts, cited reports, risks and themes.
// :param id => 'tebon-2024-03-sora'
MATCH (r:Report {id: $id})
OPTIONAL MATCH (b:Organization)-[p:PUBLISHED]->(r)
CALL (r) {
  OPTIONAL MATCH (a:Person)-[e:AUTHORED]->(r)
  WITH a, e ORDER BY e.position
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, name: a.name, nameEn: a.nameEn, role: e.role,
                 sacCertificate: e.sacCertificate, quote: e.quote} END) AS analysts
}
CALL (r) {
  OPTIONAL MATCH (r)-[e:CITES]->(cited:CitedReport)
  WITH cited, e ORDER BY e.position
  RETURN collect(CASE WHEN cited IS NULL THEN null ELSE {title: cited.title, date: cited.date, quote: e.quote} END) AS cites
}
CALL (r) {
  OPTIONAL MATCH (r)-[e:FLAGS_RISK]->(risk:Risk)
  WITH risk, e ORDER BY e.position
  RETURN collect(CASE WHEN risk IS NULL THEN null ELSE {id: risk.id, name: risk.name, nameEn: risk.nameEn, quote: e.quote} END) AS risks
}
CALL (r) {
  OPTIONAL MATCH (r)-[h:HAS_THEME]->(t:Theme)
  OPTIONAL MATCH (t)-[rec:RECOMMENDS]->(c:Company) WHERE rec.report = r.id
  WITH h, t, rec, c ORDER BY h.position, rec.position
  WITH h, t, collect(CASE WHEN c IS NULL THEN null ELSE {code: c.code, name: c.name} END) AS stocks
  ORDER BY h.position
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {id: t.id, name: t.name, nameEn: t.nameEn, quote: h.quote, stocks: stocks} END) AS themes
}
CALL (r) {
  OPTIONAL MATCH (r)-[e:ABOUT]->(x)
  WITH x, e ORDER BY x.id
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE {id: x.id, kind: x.kind, name: x.name, quote: e.quote} END) AS about
}
RETURN r.id AS id, r.title AS title, b.id AS brokerId, b.name AS broker, b.nameEn AS brokerEn, p.quote AS brokerQuote,
       r.industry AS industry, r.rating AS rating, r.ratingAction AS ratingAction, r.language AS language,
       r.publishedEarliest AS publishedEarliest, r.publishedLatest AS publishedLatest,
       r.publishedPrecision AS publishedPrecision, r.publishedNote AS publishedNote,
       analysts, cites, risks, themes, about, size(r.text) AS textLength
