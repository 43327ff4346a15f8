// Ingest: every theme id and every report id, for rebuilding the kept rankings in batches.
MATCH (t:Theme) RETURN 'theme' AS kind, t.id AS id
UNION ALL
MATCH (r:Report) RETURN 'report' AS kind, r.id AS id
