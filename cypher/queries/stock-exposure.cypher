// What one stock is exposed to, highest score first, from the kept :Exposure rows (see
// ingest-rankings-*.cypher): one index scan in rank order gives the page, and only its targets
// have their paths read. Scores, paths and steps are exactly those of
// stock-exposure-computed.cypher with no since/until and sort 'rank'; the API runs that query
// for those.
// :param code => '300459.SZ'
// :param skip => 0
// :param limit => 50
MATCH (c:Company {code: $code})
RETURN COUNT { MATCH (e:Exposure) WHERE e.code = $code AND e.rank IS NOT NULL AND e.target IS NOT NULL } AS total,
  COLLECT {
    MATCH (e:Exposure)
    WHERE e.code = $code AND e.rank IS NOT NULL AND e.target IS NOT NULL
    WITH e ORDER BY e.rank, e.target SKIP $skip LIMIT $limit
    MATCH (target:Entity {id: e.target})
    CALL (c, target) {
      CALL (c, target) {
          MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
          WITH t, rec ORDER BY rec.source
          WITH t, head(collect(rec)) AS rec
          MATCH (t)-[a:ABOUT]->(target)
          WITH t, rec, a ORDER BY a.source
          WITH t, rec, head(collect(a)) AS a
          RETURN 'theme-about' AS kind, 3 AS weight, [rec, a] AS edges, t.id AS key
        UNION ALL
          MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
          WITH t, rec ORDER BY rec.source
          WITH t, head(collect(rec)) AS rec
          MATCH (t)-[a:ABOUT]->(x)
          WHERE x <> target
          WITH t, rec, x, a ORDER BY a.source
          WITH t, rec, x, head(collect(a)) AS a
          MATCH (x)-[f:IS_A|USES|MADE_WITH]-(target)
          WITH t, rec, x, a, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
          WITH t, rec, x, a, type, outgoing, head(collect(f)) AS f
          RETURN 'theme-about-related' AS kind, 2 AS weight, [rec, a, f] AS edges,
                 t.id + ' ' + x.id + ' ' + type + CASE WHEN outgoing THEN ' >' ELSE ' <' END AS key
        UNION ALL
          MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
          MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
          MATCH (r)-[a:ABOUT|MENTIONS]->(target)
          WITH r, a, h, rec ORDER BY type(a), h.position
          WITH r, head(collect({a: a, h: h, rec: rec})) AS best
          RETURN CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
                 CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges,
                 r.id AS key
      }
      WITH kind, weight, edges, key ORDER BY weight DESC, kind, key
      CALL (edges) {
        UNWIND range(0, size(edges) - 1) AS i
        WITH i, edges[i] AS e
        OPTIONAL MATCH (r:Report {id: e.report})
        WITH i, e, r ORDER BY i
        RETURN collect({type: type(e),
          from: {id: startNode(e).id, kind: startNode(e).kind,
                 name: CASE WHEN startNode(e):Report THEN startNode(e).title ELSE startNode(e).name END},
          to: {id: endNode(e).id, kind: endNode(e).kind,
               name: CASE WHEN endNode(e):Report THEN endNode(e).title ELSE endNode(e).name END},
          report: e.report, reportTitle: r.title,
          broker: head(COLLECT { MATCH (b:Organization)-[:PUBLISHED]->(r) RETURN b.name }),
          publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
          publishedPrecision: r.publishedPrecision, quote: e.quote}) AS steps
      }
      RETURN collect({kind: kind, weight: weight, steps: steps}) AS paths
    }
    WITH e, target, paths ORDER BY e.rank, e.target
    RETURN {id: target.id, kind: target.kind, kinds: [l IN labels(target) WHERE l <> 'Entity'], name: target.name,
            nameEn: target.nameEn, score: e.score, paths: paths}
  } AS exposures
