// Ingest: what some sources' edges change in the theme-level paths (technology-stocks-computed
// .cypher's theme-about, weight 3, and theme-about-related, weight 2), as rows for
// ingest-rankings-apply.cypher: per (stock, target), the score and path count with the
// sources' edges minus those without them. Run while the edges are in the graph, with
// :Constituent as it is then (after writing them, before deleting them).
// A theme's paths are the same for each of its stocks: a profile of targets, each with the
// weight and count of its paths (3 and 1 when the theme is about the target; 2 for each fact,
// by type and direction, linking a thing the theme is about to the target). A theme changes
// only when a stock joins or leaves it (all its recommendations come from the sources), or its
// profile changes (an ABOUT only the sources state, or a fact only they state about something
// it is about); every other theme gives nothing.
// $rebuild true reads "without" as the empty graph, for ingest-rankings-rebuild.
// :param sources => ['tebon-2024-03-sora']
// :param themes => null
// :param rebuild => false
CALL () {
  // Stocks that join (or leave) a theme with the sources.
  MATCH (t:Theme)-[rec:RECOMMENDS]->(c:Company)
  USING INDEX rec:RECOMMENDS(source)
  WHERE rec.source IN $sources AND NOT $rebuild
  WITH t, c, count(rec) AS fromSources
  MATCH (k:Constituent {theme: t.id, code: c.code})
  WHERE k.evidence = fromSources
  RETURN t, c.code AS code
  UNION
  // Every stock of the themes given, when rebuilding.
  UNWIND CASE WHEN $rebuild THEN $themes ELSE [] END AS id
  MATCH (k:Constituent)
  WHERE k.theme = id AND k.position IS NOT NULL AND k.code IS NOT NULL
  MATCH (t:Theme {id: id})
  RETURN t, k.code AS code
}
WITH t, collect(code) AS joined
WITH collect({t: t, joined: joined}) AS joins
// Themes whose profile the sources change (collected, so that none still gives one row).
CALL () {
  CALL () {
    MATCH (t:Theme)-[a:ABOUT]->(x)
    USING INDEX a:ABOUT(source)
    WHERE a.source IN $sources AND NOT $rebuild
      AND NOT EXISTS { MATCH (t)-[o:ABOUT]->(x) WHERE NOT o.source IN $sources }
    RETURN DISTINCT t
    UNION
    // One branch per type, so that each finds the sources' facts through its index on source.
    CALL () {
      MATCH (x)-[f:IS_A]->(y) WHERE NOT $rebuild AND f.source IN $sources RETURN x, f, y
      UNION ALL
      MATCH (x)-[f:USES]->(y) WHERE NOT $rebuild AND f.source IN $sources RETURN x, f, y
      UNION ALL
      MATCH (x)-[f:MADE_WITH]->(y) WHERE NOT $rebuild AND f.source IN $sources RETURN x, f, y
    }
    WITH x, f, y
    WHERE NOT EXISTS { MATCH (x)-[o]->(y) WHERE type(o) = type(f) AND NOT o.source IN $sources }
    UNWIND [x, y] AS z
    MATCH (t:Theme)-[:ABOUT]->(z)
    RETURN DISTINCT t
  }
  RETURN collect(t) AS reprofiled
}
WITH joins, reprofiled
UNWIND joins + [t IN reprofiled WHERE NONE(j IN joins WHERE j.t = t) | {t: t, joined: []}] AS change
WITH change.t AS t, change.joined AS joined, reprofiled
WITH t, joined, t IN reprofiled AS profileChanged
// The theme's profile with the sources' edges (w) and without them (o).
CALL (t) {
  MATCH (t)-[a:ABOUT]->(x)
  WITH x, NOT $rebuild AND any(a IN collect(a) WHERE NOT a.source IN $sources) AS o
  CALL (x, o) {
    WITH x, o
    WHERE x:Technology OR x:Product OR x:Work
    RETURN x AS target, 3 AS weight, o AS inO
    UNION ALL
    MATCH (x)-[f:IS_A|USES|MADE_WITH]-(y)
    WHERE x <> y AND (y:Technology OR y:Product OR y:Work)
    WITH x, o, y, type(f) AS type, startNode(f) = x AS outgoing, collect(f) AS facts
    RETURN y AS target, 2 AS weight, o AND any(f IN facts WHERE NOT f.source IN $sources) AS inO
  }
  WITH target.id AS target, sum(weight) AS ws, count(*) AS wp,
       sum(CASE WHEN inO THEN weight ELSE 0 END) AS os, sum(CASE WHEN inO THEN 1 ELSE 0 END) AS op
  RETURN collect({target: target, ws: ws, wp: wp, os: os, op: op}) AS profile
}
// A joining (or leaving) stock gets the whole profile; the others only its change.
CALL (t, joined, profileChanged) {
  UNWIND joined AS code
  RETURN code, true AS joins
  UNION
  WITH t, joined
  WHERE profileChanged
  MATCH (k:Constituent)
  WHERE k.theme = t.id AND k.position IS NOT NULL AND k.code IS NOT NULL AND NOT k.code IN joined
  RETURN k.code AS code, false AS joins
}
UNWIND profile AS p
WITH code, p.target AS target,
     CASE WHEN joins THEN p.ws ELSE p.ws - p.os END AS score,
     CASE WHEN joins THEN p.wp ELSE p.wp - p.op END AS paths
WITH code, target, sum(score) AS score, sum(paths) AS paths
WHERE score <> 0 OR paths <> 0
RETURN code, target, score, paths
