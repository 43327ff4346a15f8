// One listed company by canonical code: its names, where its listing's facts come from (the
// directory export and its date, or the entity file or report that defined it), whether it is
// listed or delisted, its former codes and names, and the issuer's other listings (sameIssuer).
// :param code => '1357.HK'
MATCH (c:Company {code: $code})
RETURN c.code AS code, c.exchange AS exchange, c.name AS name, c.nameEn AS nameEn, c.fullName AS fullName,
       c.aliases AS aliases, coalesce(c.listingStatus, 'listed') AS status,
       coalesce(c.definedBy, c.source) AS source, c.listingSource AS listingSource, c.listingAsOf AS asOf,
       coalesce(c.sameIssuer, []) AS sameIssuer,
       [i IN range(0, size(coalesce(c.formerCodes, [])) - 1) | {code: c.formerCodes[i], until: c.formerCodesUntil[i]}] AS formerCodes,
       [i IN range(0, size(coalesce(c.formerNames, [])) - 1) | {name: c.formerNames[i], until: c.formerNamesUntil[i]}] AS formerNames
