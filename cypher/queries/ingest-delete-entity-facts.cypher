// Ingest: removes the facts an entity file stated before and no longer states, when it is
// loaded again. Only edges of that source: a fact another file or report states stays.
// :param source => 'entity-facts'
// :param facts => [{type: 'MADE_BY', from: 'sora', to: 'openai'}]
UNWIND $facts AS fact
MATCH (:Entity {id: fact.from})-[e:$(fact.type) {source: $source}]->(:Entity {id: fact.to})
DELETE e
RETURN count(e) AS deleted
