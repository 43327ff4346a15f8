// Stocks linked to a technology, product or work, ranked by an evidence score.
// A path is one chain of evidence from the stock to the target; score = sum of its paths' weights:
//   3  theme-about          stock <-RECOMMENDS- theme -ABOUT-> target
//   2  theme-about-related  stock <-RECOMMENDS- theme -ABOUT-> x -IS_A|USES|MADE_WITH- target
//   2  report-about         stock <-RECOMMENDS- theme <-HAS_THEME- report -ABOUT-> target
//   1  report-mentions      stock <-RECOMMENDS- theme <-HAS_THEME- report -MENTIONS-> target
// Report-level paths count once per (stock, report, target), through the report's first theme
// that holds the stock, and ABOUT wins over MENTIONS.
// :param id => 'sora'
// :param skip => 0
// :param limit => 50
MATCH (target:Entity {id: $id})
CALL (target) {
    MATCH (c:Company)<-[rec:RECOMMENDS]-(t:Theme)-[a:ABOUT]->(target)
    RETURN c, 'theme-about' AS kind, 3 AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'ABOUT', from: t {.id, .kind, .name}, to: target {.id, .kind, .name}, report: a.report, quote: a.quote}] AS steps
  UNION ALL
    MATCH (c:Company)<-[rec:RECOMMENDS]-(t:Theme)-[a:ABOUT]->(x)-[f:IS_A|USES|MADE_WITH]-(target)
    WHERE x <> target
    WITH c, rec, t, a, x, f, target, startNode(f) AS fromNode, endNode(f) AS toNode
    RETURN c, 'theme-about-related' AS kind, 2 AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'ABOUT', from: t {.id, .kind, .name}, to: x {.id, .kind, .name}, report: a.report, quote: a.quote},
            {type: type(f), from: fromNode {.id, .kind, .name}, to: toNode {.id, .kind, .name}, report: f.report, quote: f.quote}] AS steps
  UNION ALL
    MATCH (r:Report)-[a:ABOUT|MENTIONS]->(target)
    MATCH (r)-[h:HAS_THEME]->(t:Theme)-[rec:RECOMMENDS]->(c:Company)
    WHERE rec.report = r.id
    WITH c, r, a, h, t, rec
    ORDER BY type(a), h.position
    WITH c, r, head(collect({a: a, h: h, t: t, rec: rec})) AS best
    WITH c, r, best.a AS a, best.h AS h, best.t AS t, best.rec AS rec
    RETURN c, CASE type(a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
           CASE type(a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight,
           [{type: 'RECOMMENDS', from: t {.id, .kind, .name}, to: c {.id, .kind, .name}, report: rec.report, quote: rec.quote},
            {type: 'HAS_THEME', from: r {.id, .kind, name: r.title}, to: t {.id, .kind, .name}, report: h.report, quote: h.quote},
            {type: type(a), from: r {.id, .kind, name: r.title}, to: target {.id, .kind, .name}, report: a.report, quote: a.quote}] AS steps
}
WITH c, kind, weight, steps
ORDER BY weight DESC, kind
WITH c, sum(weight) AS score, collect({kind: kind, weight: weight, steps: steps}) AS paths
ORDER BY score DESC, c.code
WITH collect({code: c.code, exchange: c.exchange, name: c.name, nameEn: c.nameEn, score: score, paths: paths}) AS stocks
RETURN size(stocks) AS total, stocks[$skip..($skip + $limit)] AS stocks
