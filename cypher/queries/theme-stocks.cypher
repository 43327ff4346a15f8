// The stocks in one theme, each with the reports and quotes that put it there.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
MATCH (t:Theme {id: $id})-[rec:RECOMMENDS]->(c:Company)
OPTIONAL MATCH (r:Report {id: rec.report})
WITH c, min(rec.position) AS position,
     collect({report: rec.report, reportTitle: r.title, quote: rec.quote, sentence: rec.sentence,
              nameInReport: rec.nameInReport}) AS evidence
ORDER BY position, c.code
WITH collect({code: c.code, exchange: c.exchange, name: c.name, nameEn: c.nameEn, aliases: c.aliases,
              evidence: evidence}) AS stocks
RETURN size(stocks) AS total, stocks[$skip..($skip + $limit)] AS stocks
