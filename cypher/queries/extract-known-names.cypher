// Every name the report extractor recognises in plain text, with what it names: technologies,
// products, works, organisations and people (mentions), listed companies (recommendations,
// resolved to codes, former codes and names included), and existing themes and risks (so a draft reuses their ids).
// Aliases other sources added (ingest-add-aliases) count as aliases.
// The extractor folds these names itself (NFKC, lower case, no white space).
MATCH (n:Entity)
WHERE n:Technology OR n:Product OR n:Work OR n:Organization OR n:Person OR n:Company OR n:Theme OR n:Risk
RETURN n.id AS id,
       [label IN labels(n) WHERE label <> 'Entity'] AS kinds,
       n.name AS name,
       n.nameEn AS nameEn,
       coalesce(n.aliases, []) + coalesce(n.addedAliases, []) AS aliases,
       n.type AS type,
       coalesce(n.formerCodes, []) AS formerCodes,
       coalesce(n.formerNames, []) AS formerNames,
       coalesce(n.definedBy, n.source) AS source
ORDER BY id
