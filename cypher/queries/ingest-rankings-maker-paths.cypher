// Ingest: the maker paths (technology-stocks-computed.cypher's `maker`, weight 4), as rows for
// ingest-rankings-apply.cypher: one per (listed company, technology/product/work) that MADE_BY or
// PRODUCED_BY links, however many sources state it. With $rebuild, every one; otherwise those
// only $sources state, which is what their edges add (after writing them) or take away (before
// deleting them).
// :param sources => ['vocabulary']
// :param rebuild => false
CALL () {
    WITH 1 AS ignored
    WHERE $rebuild
    MATCH (target)-[:MADE_BY|PRODUCED_BY]->(c:Company)
    RETURN DISTINCT target, c
  UNION
    UNWIND $sources AS source
    MATCH (target)-[:MADE_BY|PRODUCED_BY {source: source}]->(c:Company)
    WITH DISTINCT target, c
    WHERE NOT EXISTS { MATCH (target)-[other:MADE_BY|PRODUCED_BY]->(c) WHERE NOT other.source IN $sources }
    RETURN target, c
}
WITH target, c
WHERE target:Technology OR target:Product OR target:Work
RETURN c.code AS code, target.id AS target, 4 AS score, 1 AS paths
