// Ids and names of some kinds of entity, for suggesting the closest match to an unknown id.
// :param kinds => ['Technology', 'Product', 'Work']
MATCH (n:Entity)
WHERE n.kind IN $kinds
RETURN n.id AS id, coalesce(n.name, n.title) AS name, coalesce(split(n.search, '\n'), []) AS names
