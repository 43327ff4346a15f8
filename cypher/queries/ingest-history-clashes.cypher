// Ingest: companies whose current code, or whose names (the folded lines of `search`), hold what
// a document gives another company as a former code or name. The loader keeps the name matches
// that are the company's current name and refuses the document, pointed at the entry and naming
// the company.
// :param rows => [{id: '830001.BJ', code: '300459.SZ', name: '', pointer: '/entities/companies/0/formerCodes/0'}]
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Company {code: row.code})
  WHERE c.id <> row.id
  RETURN c
  UNION
  MATCH (c:Company)
  WHERE row.name <> '' AND c.search CONTAINS row.name AND row.name IN split(c.search, '\n') AND c.id <> row.id
  RETURN c
}
RETURN row.pointer AS pointer, c.id AS existingId, c.name AS existingName
ORDER BY pointer, existingId
