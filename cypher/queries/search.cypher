// Names and aliases, Chinese and English. $q is folded (NFKC, lower case) by the caller, as the
// stored `search` property is, so case and full-/half-width do not matter.
// Exact name first, then names that start with $q, then names that contain it.
// :param q => 'stable video'
// :param limit => 20
MATCH (n:Entity)
WHERE n.search CONTAINS $q
WITH n, split(n.search, '\n') AS names
WITH n, CASE WHEN $q IN names THEN 3
             WHEN any(name IN names WHERE name STARTS WITH $q) THEN 2
             ELSE 1 END AS rank
ORDER BY rank DESC, size(n.name), n.id
LIMIT $limit
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameEn AS nameEn, n.aliases AS aliases, n.code AS code, rank
