// What one stock is exposed to: technologies, products and works, scored with the same paths
// and weights as technology-stocks.cypher, read from the stock's end (theme paths once per
// theme, x and fact type and direction; report paths once per report and target).
// Ranked first, steps read only for the page asked for.
// :param code => '300459.SZ'
// :param skip => 0
// :param limit => 50
MATCH (c:Company {code: $code})
CALL (c) {
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    WITH t, rec ORDER BY rec.source
    WITH t, head(collect(rec)) AS rec
    MATCH (t)-[a:ABOUT]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    WITH t, rec, target, a ORDER BY a.source
    WITH t, rec, target, head(collect(a)) AS a
    RETURN target, 'theme-about' AS kind, 3 AS weight, [rec, a] AS edges
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    WITH t, rec ORDER BY rec.source
    WITH t, head(collect(rec)) AS rec
    MATCH (t)-[a:ABOUT]->(x)
    WITH t, rec, x, a ORDER BY a.source
    WITH t, rec, x, head(collect(a)) AS a
    MATCH (x)-[f:IS_A|USES|MADE_WITH]-(target)
    WHERE x <> target AND (target:Technology OR target:Product OR target:Work)
    WITH t, rec, x, a, target, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
    WITH t, rec, x, a, target, type, outgoing, head(collect(f)) AS f
    RETURN target, 'theme-about-related' AS kind, 2 AS weight, [rec, a, f] AS edges
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    // The recommending report by its id, rather than among the theme's many reports.
    CALL (rec, t) {
      MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
      RETURN r, h
    }
    MATCH (r)-[a:ABOUT|MENTIONS]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    WITH target, r, a, h, rec
    ORDER BY type(a), h.position
    WITH target, r, head(collect({a: a, h: h, rec: rec})) AS best
    RETURN target, CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
           CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges
}
WITH target, kind, weight, edges
ORDER BY weight DESC, kind
WITH target, sum(weight) AS score, collect({kind: kind, weight: weight, edges: edges}) AS paths
ORDER BY score DESC, target.id
WITH collect({target: target, score: score, paths: paths}) AS ranked
RETURN size(ranked) AS total,
       [s IN ranked[$skip..($skip + $limit)] |
         {id: s.target.id, kind: s.target.kind, kinds: [l IN labels(s.target) WHERE l <> 'Entity'], name: s.target.name,
          nameEn: s.target.nameEn, score: s.score,
          paths: [p IN s.paths | {kind: p.kind, weight: p.weight, steps: [e IN p.edges |
            {type: type(e),
             from: {id: startNode(e).id, kind: startNode(e).kind,
                    name: CASE WHEN startNode(e):Report THEN startNode(e).title ELSE startNode(e).name END},
             to: {id: endNode(e).id, kind: endNode(e).kind,
                  name: CASE WHEN endNode(e):Report THEN endNode(e).title ELSE endNode(e).name END},
             report: e.report, quote: e.quote}]}]}] AS exposures
