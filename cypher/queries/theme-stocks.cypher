// The stocks in one theme, each with the reports and quotes that put it there, newest report
// first. A stock many reports recommend would carry every quote; evidenceLimit keeps the newest
// few, and evidenceTotal says how many there are.
// Ranked first, evidence read only for the page asked for.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
// :param evidenceLimit => 5
MATCH (t:Theme {id: $id})-[rec:RECOMMENDS]->(c:Company)
WITH c, min(rec.position) AS position
ORDER BY position, c.code
WITH collect(c) AS companies
RETURN size(companies) AS total,
       [c IN companies[$skip..($skip + $limit)] |
         c {.code, .exchange, .name, .nameEn, .aliases,
            evidenceTotal: COUNT { (:Theme {id: $id})-[:RECOMMENDS]->(c) },
            evidence: COLLECT {
              MATCH (:Theme {id: $id})-[rec:RECOMMENDS]->(c)
              OPTIONAL MATCH (r:Report {id: rec.report})
              WITH rec, r ORDER BY r.publishedLatest DESC, rec.report
              LIMIT $evidenceLimit
              RETURN {report: rec.report, reportTitle: r.title, quote: rec.quote, sentence: rec.sentence,
                      nameInReport: rec.nameInReport}
            }}] AS stocks
