// Listed companies whose name or an alias equals $name, folded (NFKC, lower case) by the caller.
// :param name => 'meitu'
MATCH (c:Company)
WHERE $name IN split(c.search, '\n')
RETURN c.code AS code
ORDER BY code
