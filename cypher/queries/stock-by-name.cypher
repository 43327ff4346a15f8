// Listed companies whose name or an alias equals one of $names: the caller folds the name asked
// for as TextFolding does (NFKC, lower case, no white space between CJK characters) and adds it
// without market tags (*ST, N, -W...), as the stored `search` lines hold each name both ways.
// :param names => ['meitu']
MATCH (c:Company)
WHERE any(name IN $names WHERE name IN split(c.search, '\n'))
RETURN c.code AS code
ORDER BY code
