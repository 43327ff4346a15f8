// Listed companies whose name, alias, short form or former name equals one of $names: the caller
// folds the name asked for as TextFolding does (NFKC, lower case, no white space between CJK
// characters) and adds it without market tags (*ST, N, -W...), as the stored `search` lines hold
// each name both ways. The text index on `search` finds the candidates; a whole line must match.
// :param names => ['meitu']
UNWIND $names AS name
MATCH (c:Entity)
WHERE c.search CONTAINS name
WITH c, name
WHERE c:Company AND name IN split(c.search, '\n')
RETURN DISTINCT c.code AS code
ORDER BY code
