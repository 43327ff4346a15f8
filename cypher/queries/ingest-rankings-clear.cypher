// Ingest: removes up to $limit kept ranking rows (before rebuilding them); returns how many.
// :param limit => 10000
CALL () {
  MATCH (k:Exposure) RETURN k
  UNION ALL
  MATCH (k:Constituent) RETURN k
}
WITH k LIMIT $limit
DELETE k
RETURN count(*) AS deleted
