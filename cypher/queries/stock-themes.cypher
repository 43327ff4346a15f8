// The themes a stock is recommended under, with the report and quote for each.
// :param code => '300459.SZ'
MATCH (c:Company {code: $code})<-[rec:RECOMMENDS]-(t:Theme)
OPTIONAL MATCH (r:Report {id: rec.report})-[h:HAS_THEME]->(t)
RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, rec.report AS report, r.title AS reportTitle,
       rec.quote AS quote, rec.sentence AS sentence, rec.nameInReport AS nameInReport
ORDER BY rec.report, h.position, t.id
