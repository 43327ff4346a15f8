// Stocks linked to a technology, product or work, highest score first, from the kept
// :Exposure rows (see ingest-rankings-*.cypher): one index scan in rank order gives the page,
// and only the page's stocks have their paths read. What the paths of every stock share (the
// facts linking things to the target, the themes about either, the reports about or mentioning
// it) is read once per request. Scores, paths and their steps are exactly
// those of technology-stocks-computed.cypher (which says what a path is and how it weighs) with
// no since/until and sort 'rank'; the API runs that query for those. $pathLimit (null for every
// path) keeps each stock's strongest paths, and only theirs have their steps read; pathTotal
// counts them all.
// :param id => 'sora'
// :param skip => 0
// :param limit => 50
// :param pathLimit => null
MATCH (target:Entity {id: $id})
// Each thing linked to the target by a fact, by (thing, type, direction), with its first fact.
CALL (target) {
  MATCH (x)-[f:IS_A|USES|MADE_WITH]-(target)
  WHERE x <> target
  WITH x, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
  WITH x, type, outgoing, head(collect(f)) AS f
  RETURN collect({x: x, type: type, outgoing: outgoing, f: f}) AS facts
}
// Each theme about the target or one of those things, with its first ABOUT edge to each.
CALL (target, facts) {
  UNWIND [target] + [g IN facts | g.x] AS x
  WITH DISTINCT x
  MATCH (t:Theme)-[a:ABOUT]->(x)
  WITH t, x, a ORDER BY a.source
  WITH t, x, head(collect(a)) AS a
  WITH t, collect({x: x, a: a}) AS about
  RETURN collect({t: t, about: about}) AS themes
}
// The reports about or mentioning the target.
CALL (target) {
  MATCH (r:Report)-[:ABOUT|MENTIONS]->(target)
  RETURN collect(DISTINCT r.id) AS reports
}
RETURN COUNT { MATCH (e:Exposure) WHERE e.target = $id AND e.rank IS NOT NULL AND e.code IS NOT NULL } AS total,
  COLLECT {
    MATCH (e:Exposure)
    // The hint: left to itself the planner may scan the whole index while its statistics are
    // young.
    USING INDEX SEEK e:Exposure(target, rank, code)
    WHERE e.target = $id AND e.rank IS NOT NULL AND e.code IS NOT NULL
    // Ordering by the whole index key, its equality prefix included, lets the planner read the
    // page in index order and stop (Limit); ordering by (rank, code) alone sorts every row (Top).
    WITH e ORDER BY e.target, e.rank, e.code SKIP $skip LIMIT $limit
    // Read once: a writer may delete the row meanwhile (its properties then read null).
    WITH e, e.score AS score
    WHERE score IS NOT NULL
    MATCH (c:Company {code: e.code})
    CALL (c, target, facts, themes, reports) {
      // The stock's first recommendation in each of the themes above, read once for both theme
      // paths and only for those themes.
      CALL (c, themes) {
        MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
        WHERE t IN [th IN themes | th.t]
        WITH t, rec ORDER BY rec.source
        WITH t, head(collect(rec)) AS rec
        RETURN collect({t: t, rec: rec, about: head([th IN themes WHERE th.t = t | th.about])}) AS recs
      }
      CALL (c, target, facts, recs, reports) {
          UNWIND recs AS tr
          UNWIND tr.about AS ab
          WITH tr, ab
          WHERE ab.x = target
          RETURN 'theme-about' AS kind, 3 AS weight, [tr.rec, ab.a] AS edges, tr.t.id AS key
        UNION ALL
          UNWIND recs AS tr
          UNWIND tr.about AS ab
          UNWIND [g IN facts WHERE g.x = ab.x] AS g
          RETURN 'theme-about-related' AS kind, 2 AS weight, [tr.rec, ab.a, g.f] AS edges,
                 tr.t.id + ' ' + g.x.id + ' ' + g.type + CASE WHEN g.outgoing THEN ' >' ELSE ' <' END AS key
        UNION ALL
          MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
          WHERE rec.report IN reports AND rec.source = rec.report
          // The recommending report by its id: left to itself the planner starts from the target
          // and walks every report about it and all their themes, once per stock.
          CALL (rec, t, target) {
            MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
            MATCH (r)-[a:ABOUT|MENTIONS]->(target)
            RETURN r, h, a
          }
          WITH r, a, h, rec ORDER BY type(a), h.position
          WITH r, head(collect({a: a, h: h, rec: rec})) AS best
          RETURN CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
                 CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges,
                 r.id AS key
        UNION ALL
          // The maker, once however many sources state it.
          MATCH (target)-[m:MADE_BY|PRODUCED_BY]->(c)
          WITH m ORDER BY m.source
          WITH head(collect(m)) AS m
          WHERE m IS NOT NULL
          RETURN 'maker' AS kind, 4 AS weight, [m] AS edges, c.code AS key
      }
      WITH kind, weight, edges, key ORDER BY weight DESC, kind, key
      // Every path counts (pathTotal); steps are read for the strongest $pathLimit alone.
      WITH collect({kind: kind, weight: weight, edges: edges}) AS found
      CALL (found) {
        UNWIND found[0..coalesce($pathLimit, size(found))] AS path
        WITH path.kind AS kind, path.weight AS weight, path.edges AS edges
        CALL (edges) {
          UNWIND range(0, size(edges) - 1) AS i
          WITH i, edges[i] AS edge
          OPTIONAL MATCH (r:Report {id: edge.report})
          WITH i, edge, r ORDER BY i
          RETURN collect({type: type(edge),
            from: {id: startNode(edge).id, kind: startNode(edge).kind,
                   name: CASE WHEN startNode(edge):Report THEN startNode(edge).title ELSE startNode(edge).name END},
            to: {id: endNode(edge).id, kind: endNode(edge).kind,
                 name: CASE WHEN endNode(edge):Report THEN endNode(edge).title ELSE endNode(edge).name END},
            report: edge.report, reportTitle: r.title,
            broker: head(COLLECT { MATCH (b:Organization)-[:PUBLISHED]->(r) RETURN b.name }),
            publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
            publishedPrecision: r.publishedPrecision, quote: edge.quote,
            citation: CASE WHEN edge.citationUrl IS NULL THEN null ELSE {title: edge.citationTitle,
              publisher: edge.citationPublisher, date: edge.citationDate, url: edge.citationUrl} END}) AS steps
        }
        RETURN collect({kind: kind, weight: weight, steps: steps}) AS paths
      }
      RETURN size(found) AS pathTotal, paths
    }
    WITH e, score, c, pathTotal, paths ORDER BY e.rank, e.code
    RETURN {code: c.code, exchange: c.exchange, name: c.name, nameEn: c.nameEn, score: score, pathTotal: pathTotal,
            paths: paths}
  } AS stocks
