// A page of the listed companies the graph knows, by code: the shipped directory's, the curated
// entity files' and those reports defined. Optional filters: $exchange (SH, SZ, BJ, HK, US),
// $source (the source that defined the company: 'directory', 'entity-facts', a report id) and
// $recommended (true: some report recommends it; false: none does). `reports` counts the reports
// that recommend each company on the page; total counts every company that passes the filters.
// :param exchange => null
// :param source => null
// :param recommended => null
// :param skip => 0
// :param limit => 50
MATCH (c:Company)
WHERE ($exchange IS NULL OR c.exchange = $exchange)
  AND ($source IS NULL OR coalesce(c.definedBy, c.source) = $source)
WITH c, EXISTS { (c)<-[:RECOMMENDS]-(:Theme) } AS recommended
WHERE $recommended IS NULL OR recommended = $recommended
WITH c ORDER BY c.code
WITH collect(c) AS companies
CALL (companies) {
  UNWIND companies[$skip..($skip + $limit)] AS c
  CALL (c) {
    OPTIONAL MATCH (c)<-[r:RECOMMENDS]-(:Theme)
    RETURN count(DISTINCT r.report) AS reports
  }
  RETURN collect({code: c.code, exchange: c.exchange, name: c.name, nameEn: c.nameEn, fullName: c.fullName,
                  status: coalesce(c.listingStatus, 'listed'), source: coalesce(c.definedBy, c.source),
                  listingSource: c.listingSource, asOf: c.listingAsOf, sameIssuer: coalesce(c.sameIssuer, []),
                  reports: reports}) AS items
}
RETURN size(companies) AS total, items
