// One listed company by canonical code.
// :param code => '1357.HK'
MATCH (c:Company {code: $code})
RETURN c.code AS code, c.exchange AS exchange, c.name AS name, c.nameEn AS nameEn, c.aliases AS aliases,
       [i IN range(0, size(coalesce(c.formerCodes, [])) - 1) | {code: c.formerCodes[i], until: c.formerCodesUntil[i]}] AS formerCodes,
       [i IN range(0, size(coalesce(c.formerNames, [])) - 1) | {name: c.formerNames[i], until: c.formerNamesUntil[i]}] AS formerNames
