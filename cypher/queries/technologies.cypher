// The technologies, products and works, in id order: one page of them, each with its kinds, names,
// its makers (MADE_BY, a work's PRODUCED_BY) and how many reports discuss it (ABOUT or MENTIONS),
// and how many there are (total). $labels keeps the kinds asked for (a node of several kinds,
// such as sora, counts once).
// :param labels => ['Technology', 'Product', 'Work']
// :param skip => 0
// :param limit => 50
CALL () {
  MATCH (n:Technology) RETURN n
  UNION
  MATCH (n:Product) RETURN n
  UNION
  MATCH (n:Work) RETURN n
}
WITH n
WHERE any(label IN labels(n) WHERE label IN $labels)
WITH n ORDER BY n.id
WITH collect(n) AS ordered
CALL (ordered) {
  UNWIND range(0, size(ordered) - 1) AS index
  WITH index, ordered[index] AS n
  SKIP $skip LIMIT $limit
  CALL (n) {
    OPTIONAL MATCH (n)-[:MADE_BY|PRODUCED_BY]->(m:Entity)
    WITH DISTINCT m ORDER BY m.id
    RETURN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, kind: m.kind, name: m.name} END) AS makers
  }
  CALL (n) {
    OPTIONAL MATCH (r:Report)-[:ABOUT|MENTIONS]->(n)
    RETURN count(DISTINCT r) AS reports
  }
  WITH index, n, makers, reports ORDER BY index
  RETURN collect({id: n.id, kind: n.kind,
                  kinds: [label IN labels(n) WHERE label IN ['Technology', 'Product', 'Work']],
                  name: n.name, nameEn: n.nameEn, aliases: coalesce(n.aliases, []), makers: makers,
                  reports: reports}) AS items
}
RETURN size(ordered) AS total, items
