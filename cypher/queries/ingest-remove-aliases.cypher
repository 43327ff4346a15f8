// Ingest: removes the aliases one source (a report id, an entity file) added to other sources'
// entities (see ingest-add-aliases.cypher). When none are left the owner's `search` comes back as
// it was and the bookkeeping properties go, so the node is as it was before that source.
// :param source => 'test-report'
MATCH (n:Entity)
WHERE n.addedAliasesBy IS NOT NULL AND $source IN n.addedAliasesBy
WITH n, [i IN range(0, size(n.addedAliasesBy) - 1) WHERE n.addedAliasesBy[i] <> $source] AS keep
WITH n, [i IN keep | n.addedAliases[i]] AS aliases, [i IN keep | n.addedAliasesBy[i]] AS sources,
     [i IN keep | n.addedAliasLines[i]] AS lines, split(n.searchBase, '\n') AS baseLines
WITH n, aliases, sources, lines,
     reduce(extra = [], entry IN lines |
       extra + [line IN split(entry, '\n') WHERE NOT line IN baseLines AND NOT line IN extra]) AS extra
WITH n, aliases, sources, lines, reduce(text = n.searchBase, line IN extra | text + '\n' + line) AS search
SET n.search = search,
    n.addedAliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
    n.addedAliasesBy = CASE WHEN size(aliases) = 0 THEN null ELSE sources END,
    n.addedAliasLines = CASE WHEN size(aliases) = 0 THEN null ELSE lines END,
    n.searchBase = CASE WHEN size(aliases) = 0 THEN null ELSE n.searchBase END
