// Ingest: removes a report node once its relationships are gone.
// :param id => 'tebon-2024-03-sora'
MATCH (r:Report {id: $id})
DETACH DELETE r
RETURN count(r) AS deleted
