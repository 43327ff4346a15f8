// Ingest: records what an entity file was loaded with: its content hash and its facts.
// :param id => 'entity-facts reference.json'
MATCH (f:EntityFile {id: $id})
SET f.source = $source, f.contentHash = $hash, f.facts = $facts
