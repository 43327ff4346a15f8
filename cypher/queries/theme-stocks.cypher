// The stocks in one theme in the theme's order (the lowest position any report lists a stock
// at, then code), from the kept :Constituent rows (see ingest-rankings-*.cypher): one index
// scan gives the page, and only its stocks have their reports and quotes read, newest report
// first (evidenceLimit keeps that many; null for all). Exactly what theme-stocks-computed.cypher
// answers with no since/until and sort 'rank'; the API runs that query for those.
// :param id => 'ai-video-tools'
// :param skip => 0
// :param limit => 50
// :param evidenceLimit => null
OPTIONAL MATCH (t:Theme {id: $id})
RETURN COUNT { MATCH (k:Constituent) WHERE k.theme = $id AND k.position IS NOT NULL AND k.code IS NOT NULL } AS total,
  COLLECT {
    MATCH (k:Constituent)
    // The hint: left to itself the planner may take the uniqueness index on (theme, code),
    // which has no position to order by, or scan the whole index while its statistics are young.
    USING INDEX SEEK k:Constituent(theme, position, code)
    WHERE k.theme = $id AND k.position IS NOT NULL AND k.code IS NOT NULL
    // Ordering by the whole index key, its equality prefix included, lets the planner read the
    // page in index order and stop (Limit); ordering by (position, code) alone sorts every row (Top).
    WITH k ORDER BY k.theme, k.position, k.code SKIP $skip LIMIT $limit
    // Read once: a writer may delete the row meanwhile (its properties then read null).
    WITH k, k.evidence AS evidenceTotal
    WHERE evidenceTotal IS NOT NULL
    MATCH (c:Company {code: k.code})
    CALL (t, c) {
      MATCH (t)-[rec:RECOMMENDS]->(c)
      OPTIONAL MATCH (r:Report {id: rec.report})
      WITH rec, r ORDER BY r.publishedLatest DESC, rec.report
      LIMIT coalesce($evidenceLimit, 1000000000)
      RETURN collect({report: rec.report, reportTitle: r.title,
                      broker: head(COLLECT { MATCH (b:Organization)-[:PUBLISHED]->(r) RETURN b.name }),
                      publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
                      publishedPrecision: r.publishedPrecision, quote: rec.quote, sentence: rec.sentence,
                      nameInReport: rec.nameInReport}) AS evidence
    }
    WITH k, c, evidenceTotal, evidence ORDER BY k.position, k.code
    RETURN c {.code, .exchange, .name, .nameEn, .aliases, evidenceTotal: evidenceTotal, evidence: evidence}
  } AS stocks
