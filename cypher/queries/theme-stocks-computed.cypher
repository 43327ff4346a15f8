// The stocks in one theme, each with every report and quote that put it there, newest report
// first, with the report's title, broker and publication date, and how many there are
// (evidenceTotal). A stock many reports recommend carries many quotes: a dashboard that wants
// only the newest few sets evidenceLimit (null for all). $since and $until (ISO dates, inclusive,
// null for open) keep the recommendations of reports whose publication range overlaps them; a
// stock left with none drops out. $sort 'rank' keeps the theme's own order, 'newest' puts the
// stock with the most recent report first. Ranked first, evidence read only for the page asked for.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
// :param evidenceLimit => null
// :param since => null
// :param until => null
// :param sort => 'rank'
MATCH (t:Theme {id: $id})-[rec:RECOMMENDS]->(c:Company)
OPTIONAL MATCH (r:Report {id: rec.report})
WITH c, rec, r
WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
WITH c, min(rec.position) AS position, max(r.publishedLatest) AS newest
ORDER BY CASE $sort WHEN 'newest' THEN newest END DESC, position, c.code
WITH collect(c) AS companies
RETURN size(companies) AS total,
       [c IN companies[$skip..($skip + $limit)] |
         c {.code, .exchange, .name, .nameEn, .aliases,
            evidenceTotal: COUNT {
              MATCH (:Theme {id: $id})-[rec:RECOMMENDS]->(c)
              OPTIONAL MATCH (r:Report {id: rec.report})
              WITH r
              WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
              RETURN r
            },
            evidence: COLLECT {
              MATCH (:Theme {id: $id})-[rec:RECOMMENDS]->(c)
              OPTIONAL MATCH (r:Report {id: rec.report})
              WITH rec, r
              WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
              OPTIONAL MATCH (b:Organization)-[:PUBLISHED]->(r)
              WITH rec, r, b ORDER BY r.publishedLatest DESC, rec.report
              LIMIT coalesce($evidenceLimit, 1000000000)
              RETURN {report: rec.report, reportTitle: r.title, broker: b.name,
                      publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
                      publishedPrecision: r.publishedPrecision, quote: rec.quote, sentence: rec.sentence,
                      nameInReport: rec.nameInReport}
            }}] AS stocks
