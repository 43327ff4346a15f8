// Listed companies that once had the code $code (canonical), for a look-up by a code no company
// holds now: the Beijing exchange's move to 920xxx, a merger's new code.
// :param code => '830799.BJ'
MATCH (c:Company)
WHERE $code IN c.formerCodes
RETURN c.code AS code
ORDER BY code
