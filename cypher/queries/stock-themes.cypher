// The themes a stock is recommended under, with the report (title, broker, publication date) and
// quote for each: one page of them, and how many there are (total). $since and $until (ISO dates,
// inclusive, null for open) keep the recommendations of reports whose publication range overlaps
// them.
// :param code => '300459.SZ'
// :param skip => 0
// :param limit => 50
// :param since => null
// :param until => null
MATCH (c:Company {code: $code})<-[rec:RECOMMENDS]-(t:Theme)
OPTIONAL MATCH (r:Report {id: rec.report})
WITH t, rec, r
WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
OPTIONAL MATCH (r)-[h:HAS_THEME]->(t)
OPTIONAL MATCH (b:Organization)-[:PUBLISHED]->(r)
WITH t, rec, r, h, b
ORDER BY rec.report, h.position, t.id
WITH collect({id: t.id, name: t.name, nameEn: t.nameEn, report: rec.report, reportTitle: r.title, broker: b.name,
              publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
              publishedPrecision: r.publishedPrecision, quote: rec.quote, sentence: rec.sentence,
              nameInReport: rec.nameInReport}) AS themes
RETURN size(themes) AS total, themes[$skip..($skip + $limit)] AS themes
