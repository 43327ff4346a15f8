// Ingest: aliases a document adds to entities another source defined, recorded as that document's
// (parallel lists: `addedAliases`, `addedAliasesBy` the report id or entity file, `addedAliasLines`
// the alias folded as TextFolding folds names, lines joined by '\n'). The owner's `search` is kept
// in `searchBase` while added aliases exist; `search` is it plus each added line it lacks, so
// look-ups, search and suggestions read one property as before.
// :param rows => [{id: 'sora', source: 'test-report', aliases: ['OpenAI Sora'], lines: ['openai sora']}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.searchBase, n.search) AS base
WITH n, base, coalesce(n.addedAliases, []) + row.aliases AS aliases,
     coalesce(n.addedAliasesBy, []) + [alias IN row.aliases | row.source] AS sources,
     coalesce(n.addedAliasLines, []) + row.lines AS lines
WITH n, base, aliases, sources, lines, split(base, '\n') AS baseLines
WITH n, base, aliases, sources, lines,
     reduce(extra = [], entry IN lines |
       extra + [line IN split(entry, '\n') WHERE NOT line IN baseLines AND NOT line IN extra]) AS extra
SET n.searchBase = base, n.addedAliases = aliases, n.addedAliasesBy = sources, n.addedAliasLines = lines,
    n.search = reduce(text = base, line IN extra | text + '\n' + line)
