// The full text of one report: the source every quote is checked against.
// :param id => 'tebon-2024-03-sora'
MATCH (r:Report {id: $id})
RETURN r.text AS text
