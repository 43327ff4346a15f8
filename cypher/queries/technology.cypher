// One technology, product or work: its kinds, names, dates (each with the source that states it),
// its own sources, its makers, its relations to other entities in either direction (USES, IS_A,
// SUCCEEDS, MADE_WITH and what they make), and the reports that discuss it (ABOUT, MENTIONS) with
// their broker, date and quote. Each fact names its source: a report with its quote, the
// reference sheet with its note, or the vocabulary with its citation (title, publisher, date,
// address).
// :param id => 'kling'
MATCH (n:Entity {id: $id})
WITH n, coalesce(n.citationUrls, []) AS urls
CALL (n) {
  OPTIONAL MATCH (n)-[f:MADE_BY|PRODUCED_BY]->(m:Entity)
  WITH m, f ORDER BY m.id, f.source
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE {predicate: type(f), direction: 'out', id: m.id, kind: m.kind,
    name: m.name, nameEn: m.nameEn, source: f.source, report: f.report, quote: f.quote, note: f.note,
    citation: CASE WHEN f.citationUrl IS NULL THEN null ELSE {title: f.citationTitle, publisher: f.citationPublisher,
      date: f.citationDate, url: f.citationUrl} END} END) AS makers
}
CALL (n) {
  OPTIONAL MATCH (n)-[f:USES|IS_A|SUCCEEDS|MADE_WITH|MADE_BY|PRODUCED_BY]-(o:Entity)
  WHERE NOT (startNode(f) = n AND type(f) IN ['MADE_BY', 'PRODUCED_BY'])
  WITH o, f, CASE WHEN startNode(f) = n THEN 'out' ELSE 'in' END AS direction
  ORDER BY direction DESC, type(f), o.id, f.source
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE {predicate: type(f), direction: direction, id: o.id,
    kind: o.kind, name: o.name, nameEn: o.nameEn, source: f.source, report: f.report, quote: f.quote, note: f.note,
    citation: CASE WHEN f.citationUrl IS NULL THEN null ELSE {title: f.citationTitle, publisher: f.citationPublisher,
      date: f.citationDate, url: f.citationUrl} END} END) AS relations
}
CALL (n) {
  OPTIONAL MATCH (r:Report)-[e:ABOUT|MENTIONS]->(n)
  OPTIONAL MATCH (b:Organization)-[:PUBLISHED]->(r)
  WITH r, e, b ORDER BY r.publishedLatest DESC, r.id, type(e)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {report: r.id, reportTitle: r.title, broker: b.name,
    publishedEarliest: r.publishedEarliest, publishedLatest: r.publishedLatest,
    publishedPrecision: r.publishedPrecision, relation: type(e), quote: e.quote} END) AS reports
}
RETURN n.id AS id, n.kind AS kind, [label IN labels(n) WHERE label <> 'Entity'] AS kinds, n.name AS name,
       n.nameEn AS nameEn, coalesce(n.aliases, []) AS aliases, n.description AS description,
       coalesce(n.definedBy, n.source) AS definedBy,
       [i IN range(0, size(coalesce(n.dates, [])) - 1) |
         {event: split(n.dates[i], ': ')[0], date: split(n.dates[i], ': ')[1],
          citation: head([j IN range(0, size(urls) - 1)
                          WHERE urls[j] = coalesce(n.dateCitations[i], '') |
                          {title: n.citationTitles[j], publisher: n.citationPublishers[j],
                           date: CASE WHEN n.citationDates[j] = '' THEN null ELSE n.citationDates[j] END,
                           url: urls[j]}])}] AS dates,
       [j IN range(0, size(urls) - 1) |
         {title: n.citationTitles[j], publisher: n.citationPublishers[j],
          date: CASE WHEN n.citationDates[j] = '' THEN null ELSE n.citationDates[j] END, url: urls[j]}] AS sources,
       makers, relations, reports
