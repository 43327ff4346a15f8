// What one stock is exposed to, highest score first, from the kept :Exposure rows (see
// ingest-rankings-*.cypher): one index scan in rank order gives the page, and only its targets
// have their paths read, from the stock's surroundings read once per request (its themes and
// what they are about, the facts linking those to the page's targets, the reports that
// recommend it). Scores, paths and steps are exactly those of stock-exposure-computed.cypher
// with no since/until and sort 'rank'; the API runs that query for those. $pathLimit (null for
// every path) keeps each target's strongest paths, and only theirs have their steps read;
// pathTotal counts them all.
// :param code => '300459.SZ'
// :param skip => 0
// :param limit => 50
// :param pathLimit => null
MATCH (c:Company {code: $code})
// The stock's themes, each with its first recommendation of the stock and its first ABOUT edge
// to each thing it is about.
CALL (c) {
  MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
  WITH t, rec ORDER BY rec.source
  WITH t, head(collect(rec)) AS rec
  CALL (t) {
    MATCH (t)-[a:ABOUT]->(x)
    WITH x, a ORDER BY a.source
    WITH x, head(collect(a)) AS a
    RETURN collect({x: x, a: a}) AS about
  }
  RETURN collect({t: t, rec: rec, about: about}) AS themes
}
// The page: its rows in index order, each with its target; and those targets alone.
CALL () {
  MATCH (e:Exposure)
  // The hint: left to itself the planner may take the uniqueness index on (code, target),
  // which has no rank to order by, or scan the whole index while its statistics are young.
  USING INDEX SEEK e:Exposure(code, rank, target)
  WHERE e.code = $code AND e.rank IS NOT NULL AND e.target IS NOT NULL
  // Ordering by the whole index key, its equality prefix included, lets the planner read the
  // page in index order and stop (Limit); ordering by (rank, target) alone sorts every row (Top).
  WITH e ORDER BY e.code, e.rank, e.target SKIP $skip LIMIT $limit
  // Read once: a writer may delete the row meanwhile (its properties then read null).
  WITH e, e.rank AS rank, e.score AS score
  WHERE score IS NOT NULL
  MATCH (target:Entity {id: e.target})
  RETURN collect({rank: rank, target: target, score: score}) AS page, collect(target) AS targets
}
// The facts linking those things to the page's targets: the first fact of each (thing, type,
// direction, target). Filtering on the page before sorting keeps this to the page's size.
CALL (themes, targets) {
  UNWIND themes AS th
  UNWIND th.about AS ab
  WITH DISTINCT targets, ab.x AS x
  MATCH (x)-[f:IS_A|USES|MADE_WITH]-(y)
  WHERE x <> y AND y IN targets
  WITH x, y, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
  WITH x, y, type, outgoing, head(collect(f)) AS f
  RETURN collect({x: x, y: y, type: type, outgoing: outgoing, f: f}) AS facts
}
// The reports recommending the stock in one of their themes, and which of the page's targets
// each is about or mentions.
CALL (c, targets) {
  MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
  // The recommending report by its id, rather than among the theme's many reports.
  CALL (rec, t) {
    MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
    RETURN r, h
  }
  MATCH (r)-[a:ABOUT|MENTIONS]->(y)
  WHERE y IN targets
  RETURN collect({r: r, h: h, rec: rec, a: a, y: y}) AS mentions
}
RETURN COUNT { MATCH (e:Exposure) WHERE e.code = $code AND e.rank IS NOT NULL AND e.target IS NOT NULL } AS total,
  COLLECT {
    UNWIND page AS p
    WITH p.rank AS rank, p.target AS target, p.score AS score
    CALL (target, themes, facts, mentions) {
      CALL (target, themes, facts, mentions) {
          UNWIND themes AS th
          UNWIND th.about AS ab
          WITH th, ab
          WHERE ab.x = target
          RETURN 'theme-about' AS kind, 3 AS weight, [th.rec, ab.a] AS edges, th.t.id AS key
        UNION ALL
          UNWIND themes AS th
          UNWIND th.about AS ab
          UNWIND [g IN facts WHERE g.x = ab.x AND g.y = target] AS g
          RETURN 'theme-about-related' AS kind, 2 AS weight, [th.rec, ab.a, g.f] AS edges,
                 th.t.id + ' ' + g.x.id + ' ' + g.type + CASE WHEN g.outgoing THEN ' >' ELSE ' <' END AS key
        UNION ALL
          UNWIND [m IN mentions WHERE m.y = target] AS m
          WITH m ORDER BY type(m.a), m.h.position
          WITH m.r AS r, head(collect(m)) AS best
          RETURN CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
                 CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges,
                 r.id AS key
        UNION ALL
          // The maker, once however many sources state it.
          MATCH (target)-[m:MADE_BY|PRODUCED_BY]->(:Company {code: $code})
          WITH m ORDER BY m.source
          WITH head(collect(m)) AS m
          WHERE m IS NOT NULL
          RETURN 'maker' AS kind, 4 AS weight, [m] AS edges, $code AS key
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
    WITH rank, score, target, pathTotal, paths ORDER BY rank, target.id
    RETURN {id: target.id, kind: target.kind, kinds: [l IN labels(target) WHERE l <> 'Entity'], name: target.name,
            nameEn: target.nameEn, score: score, pathTotal: pathTotal, paths: paths}
  } AS exposures
