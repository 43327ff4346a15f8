// A cheap fingerprint of what extract-known-names answers: how many entities the extractor
// knows by name and how many characters their names, aliases, former names and codes, kinds,
// types and sources add up to. The extractor keeps its name automaton while this stays the
// same, so an extraction does not read and map every name of a large company directory.
// A change that keeps every length (a rename to a name of equal length) is caught when the
// kept names are read again in full, at most a few seconds later (ReportExtractor).
MATCH (n:Entity)
WHERE n:Technology OR n:Product OR n:Work OR n:Organization OR n:Person OR n:Company OR n:Theme OR n:Risk
RETURN count(n) AS entities,
       sum(size(n.id) + size(coalesce(n.name, '')) + size(coalesce(n.nameEn, '')) + size(coalesce(n.type, ''))
           + size(labels(n)) + size(coalesce(n.definedBy, n.source, ''))
           + reduce(total = 0, name IN coalesce(n.aliases, []) + coalesce(n.addedAliases, [])
                    + coalesce(n.formerNames, []) + coalesce(n.formerCodes, []) | total + size(name) + 1)) AS chars
