// Ingest: takes the write lock of one loaded report before it is removed, so a delete waits for
// a writer of the same id and then sees what it committed. No row when there is no such report.
// :param id => 'tebon-2024-03-sora'
MATCH (r:Report {id: $id})
SET r._writeLock = true
REMOVE r._writeLock
RETURN r.id AS id
