// The stocks in one theme, each with the reports and quotes that put it there.
// Ranked first, evidence read only for the page asked for.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
MATCH (t:Theme {id: $id})-[rec:RECOMMENDS]->(c:Company)
WITH c, min(rec.position) AS position
ORDER BY position, c.code
WITH collect(c) AS companies
RETURN size(companies) AS total,
       [c IN companies[$skip..($skip + $limit)] |
         c {.code, .exchange, .name, .nameEn, .aliases,
            evidence: COLLECT {
              MATCH (:Theme {id: $id})-[rec:RECOMMENDS]->(c)
              OPTIONAL MATCH (r:Report {id: rec.report})
              WITH rec, r ORDER BY rec.report
              RETURN {report: rec.report, reportTitle: r.title, quote: rec.quote, sentence: rec.sentence,
                      nameInReport: rec.nameInReport}
            }}] AS stocks
