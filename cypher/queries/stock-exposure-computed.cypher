// What one stock is exposed to: technologies, products and works, scored with the same paths
// and weights as technology-stocks.cypher, read from the stock's end (theme paths once per
// theme, x and fact type and direction; report paths once per report and target).
// $since and $until (ISO dates, inclusive, null for open) keep the paths whose recommending report
// (the report of the RECOMMENDS step) was published in a range overlapping them. $sort 'rank'
// orders by score, 'newest' by the most recent recommending report, then score. Every step names
// its report with title, broker and publication date.
// Ranked first, steps read only for the page asked for. A target's paths come by weight, kind,
// then theme (and the thing and fact) or report id; pathTotal counts them all, and $pathLimit
// (null for every path) keeps the first (strongest) that many, for dashboards.
// :param code => '300459.SZ'
// :param skip => 0
// :param limit => 50
// :param pathLimit => null
// :param since => null
// :param until => null
// :param sort => 'rank'
MATCH (c:Company {code: $code})
CALL (c) {
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    OPTIONAL MATCH (r:Report {id: rec.report})
    WITH t, rec, r
    WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
    WITH t, rec, r ORDER BY rec.source
    WITH t, head(collect({rec: rec, published: r.publishedLatest})) AS first
    WITH t, first.rec AS rec, first.published AS published
    MATCH (t)-[a:ABOUT]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    WITH t, rec, published, target, a ORDER BY a.source
    WITH t, rec, published, target, head(collect(a)) AS a
    RETURN target, 'theme-about' AS kind, 3 AS weight, [rec, a] AS edges, published, t.id AS key
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    OPTIONAL MATCH (r:Report {id: rec.report})
    WITH t, rec, r
    WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
    WITH t, rec, r ORDER BY rec.source
    WITH t, head(collect({rec: rec, published: r.publishedLatest})) AS first
    WITH t, first.rec AS rec, first.published AS published
    MATCH (t)-[a:ABOUT]->(x)
    WITH t, rec, published, x, a ORDER BY a.source
    WITH t, rec, published, x, head(collect(a)) AS a
    MATCH (x)-[f:IS_A|USES|MADE_WITH]-(target)
    WHERE x <> target AND (target:Technology OR target:Product OR target:Work)
    WITH t, rec, published, x, a, target, f, type(f) AS type, startNode(f) = x AS outgoing ORDER BY f.source
    WITH t, rec, published, x, a, target, type, outgoing, head(collect(f)) AS f
    RETURN target, 'theme-about-related' AS kind, 2 AS weight, [rec, a, f] AS edges, published,
           t.id + ' ' + x.id + ' ' + type + CASE WHEN outgoing THEN ' >' ELSE ' <' END AS key
  UNION ALL
    MATCH (c)<-[rec:RECOMMENDS]-(t:Theme)
    // The recommending report by its id, rather than among the theme's many reports.
    CALL (rec, t) {
      MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
      WHERE ($since IS NULL OR r.publishedLatest >= $since) AND ($until IS NULL OR r.publishedEarliest <= $until)
      RETURN r, h
    }
    MATCH (r)-[a:ABOUT|MENTIONS]->(target)
    WHERE target:Technology OR target:Product OR target:Work
    WITH target, r, a, h, rec
    ORDER BY type(a), h.position
    WITH target, r, head(collect({a: a, h: h, rec: rec})) AS best
    RETURN target, CASE type(best.a) WHEN 'ABOUT' THEN 'report-about' ELSE 'report-mentions' END AS kind,
           CASE type(best.a) WHEN 'ABOUT' THEN 2 ELSE 1 END AS weight, [best.rec, best.h, best.a] AS edges,
           r.publishedLatest AS published, r.id AS key
  UNION ALL
    // The maker: what the stock makes (or produces), once however many sources state it. It rests
    // on no report, so a since/until window leaves it out.
    MATCH (target)-[m:MADE_BY|PRODUCED_BY]->(c)
    WHERE (target:Technology OR target:Product OR target:Work) AND $since IS NULL AND $until IS NULL
    WITH target, m ORDER BY m.source
    WITH target, head(collect(m)) AS m
    RETURN target, 'maker' AS kind, 4 AS weight, [m] AS edges, null AS published, target.id AS key
}
WITH target, kind, weight, edges, published, key
ORDER BY weight DESC, kind, key
WITH target, sum(weight) AS score, max(published) AS newest,
     collect({kind: kind, weight: weight, edges: edges}) AS paths
ORDER BY CASE $sort WHEN 'newest' THEN coalesce(newest, '') END DESC, score DESC, target.id
WITH collect({target: target, score: score, paths: paths}) AS ranked
RETURN size(ranked) AS total,
       [s IN ranked[$skip..($skip + $limit)] |
         {id: s.target.id, kind: s.target.kind, kinds: [l IN labels(s.target) WHERE l <> 'Entity'], name: s.target.name,
          nameEn: s.target.nameEn, score: s.score,
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
               publisher: e.citationPublisher, date: e.citationDate, url: e.citationUrl} END}]}]}] AS exposures
