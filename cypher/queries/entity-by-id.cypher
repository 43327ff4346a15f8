// One entity by id, with its kinds (Sora is both a Technology and a Product).
// :param id => 'sora'
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.kind AS kind, [l IN labels(n) WHERE l <> 'Entity'] AS kinds, n.name AS name, n.nameEn AS nameEn
