// Entities of some kinds whose name or an alias equals $name, folded by the caller as the stored
// `search` lines are (TextFolding: NFKC, lower case, no white space between CJK characters).
// The CONTAINS lets the entity_search text index narrow the candidates before the exact test.
// :param name => 'sora'
// :param kinds => ['Technology', 'Product', 'Work']
MATCH (n:Entity)
WHERE n.search CONTAINS $name
  AND $name IN split(n.search, '\n')
  AND any(label IN labels(n) WHERE label IN $kinds)
RETURN n.id AS id, n.kind AS kind, [l IN labels(n) WHERE l <> 'Entity'] AS kinds, n.name AS name, n.nameEn AS nameEn
ORDER BY id
LIMIT 10
