// The stocks in one theme, each with every report and quote that put it there, newest report
// first, and how many there are (evidenceTotal). A stock many reports recommend carries many
// quotes: a dashboard that wants only the newest few sets evidenceLimit (null for all).
// Ranked first, evidence read only for the page asked for.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
// :param evidenceLimit => null
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
              LIMIT coalesce($evidenceLimit, 1000000000)
              RETURN {report: rec.report, reportTitle: r.title, quote: rec.quote, sentence: rec.sentence,
                      nameInReport: rec.nameInReport}
            }}] AS stocks
