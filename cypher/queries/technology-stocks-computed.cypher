// Stocks linked to a technology, product or work, ranked by an evidence score.
// A path is one chain of evidence from the stock to the target; score = sum of its paths' weights:
//   3  theme-about          stock <-RECOMMENDS- theme -ABOUT-> target
//   2  theme-about-related  stock <-RECOMMENDS- theme -ABOUT-> x -IS_A|USES|MADE_WITH- target
//   2  report-about         stock <-RECOMMENDS- theme <-HAS_THEME- report -ABOUT-> target
//   1  report-mentions      stock <-RECOMMENDS- theme <-HAS_THEME- report -MENTIONS-> target
//   4  maker                stock <-MADE_BY|PRODUCED_BY- target (the company makes it; no report, so
//                           a since/until window leaves it out)
// Theme paths count once per (stock, theme, target), and once per (x, type and direction of the
// fact) when related: when many reports say the same thing (the theme recommends the stock, the
// theme is about x, x uses the target), the path shows the first report's edge (lowest source)
// rather than one path per combination of parallel edges, which would grow with the square of
// the reports. Report-level paths count once per (stock, report, target), through the report's
// first theme that holds the stock, and ABOUT wins over MENTIONS.
// $since and $until (ISO dates, inclusive, null for open) keep the paths whose recommending
// report (the report of the RECOMMENDS step) was published in a range overlapping them; a stock
// left with none drops out. $sort 'rank' orders by score, 'newest' by the most recent recommending
// report, then score. Every step names its report with title, broker and publication date.
// Steps (properties, quotes) are read only for the page asked for. A stock's paths come by
// weight, kind, then theme (and the thing and fact) or report id; pathTotal counts them all, and
// $pathLimit (null for every path) keeps the first (strongest) that many, for dashboards.
// :param id => 'sora'
// :param skip => 0
// :param limit => 50
// :param pathLimit => null
// :param since => null
// :param until => null
// :param sort => 'rank'
MATCH (target:Entity {id: $id})
CALL (target) {
    MATCH (t:Theme)-[a:ABOUT]->(target)
    WITH t, a ORDER BY a.source
    WITH t, head(collect(a)) AS a
    MATCH (c:Company)<-[rec:RECOMMENDS]-(t)
    OPTIONAL MATCH (r:Report {id: rec.report})
    WITH c, t, a, rec, r
    WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
    WITH c, t, a, rec, r ORDER BY rec.source
    WITH c, t, a, head(collect({rec: rec, published: r.publishedLatest})) AS first
    RETURN c, 'theme-about' AS kind, 3 AS weight, [first.rec, a] AS edges, first.published AS published, t.id AS key
  UNION ALL
    MATCH (x)-[f:IS_A|USES|MADE_WITH]-(target)
    WHERE x <> target
    WITH x, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
    WITH x, type, outgoing, head(collect(f)) AS f
    MATCH (t:Theme)-[a:ABOUT]->(x)
    WITH x, f, t, a ORDER BY a.source
    WITH x, f, t, head(collect(a)) AS a
    MATCH (c:Company)<-[rec:RECOMMENDS]-(t)
    OPTIONAL MATCH (r:Report {id: rec.report})
    WITH c, t, a, x, f, rec, r
    WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
    WITH c, t, a, x, f, rec, r ORDER BY rec.source
    WITH c, t, a, x, f, head(collect({rec: rec, published: r.publishedLatest})) AS first
    RETURN c, 'theme-about-related' AS kind, 2 AS weight, [first.rec, a, f] AS edges, first.published AS published,
           t.id + ' ' + x.id + ' ' + type(f) + CASE WHEN startNode(f) = x THEN ' >' ELSE ' <' END AS key
  UNION ALL
    MATCH (r:Report)-[a:ABOUT|MENTIONS]->(target)
    WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
    // The report's own recommendations, through the index on source: a theme holds thousands.
    CALL (r) {
      MATCH (t:Theme)-[rec:RECOMMENDS]->(c:Company)
      WHERE rec.source = r.id AND rec.report = r.id
      RETURN t, rec, c
    }
    MATCH (r)-[h:HAS_THEME]->(t)
    WITH c, r, a, h, rec
    ORDER BY type(a), h.position
    WITH c, r, head(collect({a: a, h: h, rec: rec})) AS best
    RETURN c, CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
           CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges,
           r.publishedLatest AS published, r.id AS key
  UNION ALL
    // The maker: a listed company that makes the target (or produces the work), once however many
    // sources state it. It rests on no report, so a since/until window leaves it out.
    MATCH (target)-[m:MADE_BY|PRODUCED_BY]->(c:Company)
    WHERE $since IS NULL AND $until IS NULL
    WITH c, m ORDER BY m.source
    WITH c, head(collect(m)) AS m
    RETURN c, 'maker' AS kind, 4 AS weight, [m] AS edges, null AS published, c.code AS key
}
WITH c, kind, weight, edges, published, key
ORDER BY weight DESC, kind, key
WITH c, sum(weight) AS score, max(published) AS newest, collect({kind: kind, weight: weight, edges: edges}) AS paths
ORDER BY CASE $sort WHEN 'newest' THEN coalesce(newest, '') END DESC, score DESC, c.code
WITH collect({c: c, score: score, paths: paths}) AS ranked
RETURN size(ranked) AS total,
       [s IN ranked[$skip..($skip + $limit)] |
         {code: s.c.code, exchange: s.c.exchange, name: s.c.name, nameEn: s.c.nameEn, score: s.score,
          pathTotal: size(s.paths),
          paths: [p IN s.paths[0..coalesce($pathLimit, size(s.paths))] | {kind: p.kind, weight: p.weight, steps: [e IN p.edges |
            {type: type(e),
             from: {id: startNode(e).id, kind: startNode(e).kind,
                    name: CASE WHEN startNode(e):Report THEN startNode(e).title ELSE startNode(e).name END},
             to: {id: endNode(e).id, kind: endNode(e).kind,
                  name: CASE WHEN endNode(e):Report THEN endNode(e).title ELSE endNode(e).name END},
             report: e.report,
             reportTitle: head(COLLECT { MATCH (r:Report {id: e.report}) RETURN r.title }),
             broker: head(COLLECT { MATCH (b:Organization)-[:PUBLISHED]->(:Report {id: e.report}) RETURN b.name }),
             publishedEarliest: head(COLLECT { MATCH (r:Report {id: e.report}) RETURN r.publishedEarliest }),
             publishedLatest: head(COLLECT { MATCH (r:Report {id: e.report}) RETURN r.publishedLatest }),
             publishedPrecision: head(COLLECT { MATCH (r:Report {id: e.report}) RETURN r.publishedPrecision }),
             quote: e.quote,
             citation: CASE WHEN e.citationUrl IS NULL THEN null ELSE {title: e.citationTitle,
               publisher: e.citationPublisher, date: e.citationDate, url: e.citationUrl} END}]}]}] AS stocks
