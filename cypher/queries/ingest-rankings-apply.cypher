// Ingest: adds $sign times each row's score and path count to the kept :Exposure of its
// (stock, target), creating it when needed; one left with no path goes. Rows in key order, so
// that writers lock them in one order.
// :param rows => [{code: '300459.SZ', target: 'sora', score: 3, paths: 1}]
// :param sign => 1
UNWIND $rows AS row
WITH row ORDER BY row.code, row.target
MERGE (e:Exposure {code: row.code, target: row.target})
ON CREATE SET e.score = 0, e.paths = 0
WITH e, e.score + $sign * row.score AS score, e.paths + $sign * row.paths AS paths
SET e.score = score, e.paths = paths, e.rank = -score
WITH e
WHERE e.paths <= 0
DELETE e
