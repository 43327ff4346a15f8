// Ingest: records that the kept rankings were built with the rules of $version.
// :param version => 1
MERGE (k:RankingState {id: 'rankings'})
SET k.version = $version
