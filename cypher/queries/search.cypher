// Names and aliases, Chinese and English: one page of the matches, and how many there are
// (total). $q is folded (NFKC, lower case) by the caller, as the stored `search` property is, so
// case and full-/half-width do not matter. Exact name first, then names that start with $q, then
// names that contain it.
// :param q => 'stable video'
// :param skip => 0
// :param limit => 20
MATCH (n:Entity)
WHERE n.search CONTAINS $q
WITH n, split(n.search, '\n') AS names
WITH n, CASE WHEN $q IN names THEN 3
             WHEN any(name IN names WHERE name STARTS WITH $q) THEN 2
             ELSE 1 END AS rank
ORDER BY rank DESC, size(n.name), n.id
WITH collect({id: n.id, kind: n.kind, name: n.name, nameEn: n.nameEn, aliases: n.aliases, code: n.code}) AS hits
RETURN size(hits) AS total, hits[$skip..($skip + $limit)] AS hits
