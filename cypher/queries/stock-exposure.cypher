// What one stock is exposed to: technologies, products and works, scored with the same paths
// and weights as technology-stocks.cypher, read from the stock's end.
// :param code => '300459.SZ'
MATCH (c:Company {code: $code})
CALL (c) {
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)-[a:ABOUT]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    RETURN target, 'theme-about' AS kind, 3 AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'ABOUT', from: t {.id, .kind, .name}, to: target {.id, .kind, .name}, report: a.report, quote: a.quote}] AS steps
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)-[a:ABOUT]->(x)-[f:IS_A|USES|MADE_WITH]-(target)
    WHERE x <> target AND (target:Technology OR target:Product OR target:Work)
    WITH c, rec, t, a, x, f, target, startNode(f) AS fromNode, endNode(f) AS toNode
    RETURN target, 'theme-about-related' AS kind, 2 AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'ABOUT', from: t {.id, .kind, .name}, to: x {.id, .kind, .name}, report: a.report, quote: a.quote},
            {type: type(f), from: fromNode {.id, .kind, .name}, to: toNode {.id, .kind, .name}, report: f.report, quote: f.quote}] AS steps
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)<-[h:HAS_THEME]-(r:Report)
    WHERE rec.report = r.id
    MATCH (r)-[a:ABOUT|MENTIONS]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    WITH target, r, a, h, t, rec
    ORDER BY type(a), h.position
    WITH target, r, head(collect({a: a, h: h, t: t, rec: rec})) AS best
    WITH target, r, best.a AS a, best.h AS h, best.t AS t, best.rec AS rec
    RETURN target, CASE type(a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
           CASE type(a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'HAS_THEME', from: r {.id, .kind, name: r.title}, to: t {.id, .kind, .name}, report: h.report, quote: h.quote},
            {type: type(a), from: r {.id, .kind, name: r.title}, to: target {.id, .kind, .name}, report: a.report, quote: a.quote}] AS steps
}
WITH target, kind, weight, steps
ORDER BY weight DESC, kind
WITH target, sum(weight) AS score, collect({kind: kind, weight: weight, steps: steps}) AS paths
ORDER BY score DESC, target.id
RETURN collect({id: target.id, kind: target.kind, kinds: [l IN labels(target) WHERE l <> 'Entity'], name: target.name,
                nameEn: target.nameEn, score: score, paths: paths}) AS exposures
