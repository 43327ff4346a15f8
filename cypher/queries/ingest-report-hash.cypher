// Ingest: the content hash of a loaded report, to tell unchanged from updated.
MATCH (r:Report {id: $id})
RETURN r.contentHash AS hash
