// Ingest (companies import): what the graph holds of each of $codes, so a refresh restates a
// company whole (a renamed one keeps its aliases and short forms, and its old name becomes a former
// name) and leaves companies another source defined alone.
// :param codes => ['300459.SZ', '700.HK']
UNWIND $codes AS code
MATCH (c:Company {code: code})
RETURN c.code AS code, coalesce(c.definedBy, c.source) AS owner, c.name AS name, c.nameEn AS nameEn,
       c.fullName AS fullName, coalesce(c.aliases, []) AS aliases, coalesce(c.sameIssuer, []) AS sameIssuer,
       coalesce(c.formerNames, []) AS formerNames, coalesce(c.formerNamesUntil, []) AS formerNamesUntil,
       coalesce(c.formerCodes, []) AS formerCodes, coalesce(c.formerCodesUntil, []) AS formerCodesUntil,
       c.listingSource AS listingSource, c.listingAsOf AS listingAsOf, c.listingStatus AS listingStatus
