// ThemeGraph schema. Applied at every start; each statement is idempotent.
// Every node that an edge can point at carries :Entity and a unique id, so a loader can match
// either end of any relationship through one index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// One key per label, for researchers who MATCH by label.
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cited_report_id IF NOT EXISTS FOR (n:CitedReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_code IF NOT EXISTS FOR (n:Company) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_id IF NOT EXISTS FOR (n:Work) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT risk_id IF NOT EXISTS FOR (n:Risk) REQUIRE n.id IS UNIQUE;

// One node per entity file (its source and file name), holding the hash of the content last
// loaded from it and the facts it stated, so a reload changes nothing or drops what it no longer says.
CREATE CONSTRAINT entity_file_id IF NOT EXISTS FOR (n:EntityFile) REQUIRE n.id IS UNIQUE;

// Which source defined each entity (PlanBuilder's `definedBy`): deleting or replacing a report
// finds the entities it defined, linked or not, through this.
CREATE INDEX entity_defined_by IF NOT EXISTS FOR (n:Entity) ON (n.definedBy);

// Relationships are keyed by the report (or reference) they come from; replacing a report
// finds its edges that do not touch the report node through these.
CREATE INDEX recommends_source IF NOT EXISTS FOR ()-[e:RECOMMENDS]-() ON (e.source);
CREATE INDEX about_source IF NOT EXISTS FOR ()-[e:ABOUT]-() ON (e.source);
CREATE INDEX uses_source IF NOT EXISTS FOR ()-[e:USES]-() ON (e.source);
CREATE INDEX is_a_source IF NOT EXISTS FOR ()-[e:IS_A]-() ON (e.source);
CREATE INDEX made_by_source IF NOT EXISTS FOR ()-[e:MADE_BY]-() ON (e.source);
CREATE INDEX produced_by_source IF NOT EXISTS FOR ()-[e:PRODUCED_BY]-() ON (e.source);
CREATE INDEX made_with_source IF NOT EXISTS FOR ()-[e:MADE_WITH]-() ON (e.source);
CREATE INDEX affiliated_with_source IF NOT EXISTS FOR ()-[e:AFFILIATED_WITH]-() ON (e.source);
CREATE INDEX succeeds_source IF NOT EXISTS FOR ()-[e:SUCCEEDS]-() ON (e.source);

// Names and aliases, Chinese and English. `search` holds them width- and case-folded (NFKC,
// lower case), so full-width input and half-width data meet.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Technology|Product|Work|Organization|Person|Theme|Risk)
ON EACH [n.name, n.nameEn, n.search];

// Substring search over the folded names (GET /api/search).
CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON (n.search);

// Kept rankings (issue 12), maintained in the transaction that loads, replaces or deletes a
// source (ingest-rankings-*.cypher) so that they always equal what the *-computed.cypher
// queries compute from every path. One :Exposure per (stock, technology/product/work) with
// its score and number of paths; one :Constituent per (theme, stock) with its place in the
// theme (the lowest position any report lists it at) and how many recommendations it has.
// rank is minus the score, so one ascending index scan gives score descending, then code.
CREATE CONSTRAINT exposure_key IF NOT EXISTS FOR (n:Exposure) REQUIRE (n.code, n.target) IS UNIQUE;
CREATE INDEX exposure_by_target IF NOT EXISTS FOR (n:Exposure) ON (n.target, n.rank, n.code);
CREATE INDEX exposure_by_code IF NOT EXISTS FOR (n:Exposure) ON (n.code, n.rank, n.target);
CREATE CONSTRAINT constituent_key IF NOT EXISTS FOR (n:Constituent) REQUIRE (n.theme, n.code) IS UNIQUE;
CREATE INDEX constituent_by_theme IF NOT EXISTS FOR (n:Constituent) ON (n.theme, n.position, n.code);

// One node that every writer locks before it changes the kept rankings, so that two writers'
// changes are computed one after the other; it records the version of the rankings' rules.
CREATE CONSTRAINT ranking_state_id IF NOT EXISTS FOR (n:RankingState) REQUIRE n.id IS UNIQUE;
