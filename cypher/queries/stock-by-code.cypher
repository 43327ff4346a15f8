// One listed company by canonical code.
// :param code => '1357.HK'
MATCH (c:Company {code: $code})
RETURN c.code AS code, c.exchange AS exchange, c.name AS name, c.nameEn AS nameEn, c.aliases AS aliases
