-- fengong store schema. Each "-- migration N" block brings a database from version N-1 to N
-- (PRAGMA user_version). Blocks only ever get appended; a released block never changes.

-- migration 1
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,        -- basename of the input file
    sha256      TEXT NOT NULL,               -- of the raw file bytes
    n_bytes     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    doc_number  TEXT NOT NULL,               -- 文号, e.g. 湘政发〔2022〕1号
    issuer      TEXT NOT NULL,
    year        INTEGER,
    date        TEXT NOT NULL,               -- ISO date of signature, or ''
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);

CREATE TABLE items (
    id        INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: the search index tracks ids
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,               -- order in the document
    path      TEXT NOT NULL,                  -- M:2.3.3, A7:2.1.1.1
    parent_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    marker    TEXT NOT NULL,
    title     TEXT NOT NULL,
    text      TEXT NOT NULL,
    line      INTEGER NOT NULL
);
CREATE INDEX items_doc ON items(doc_id, seq);

CREATE TABLE clauses (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,                 -- 1-based within the item
    text    TEXT NOT NULL,
    line    INTEGER NOT NULL
);
CREATE INDEX clauses_item ON clauses(item_id, seq);

-- Canonical agencies (status known, from the gazetteer) and names the gazetteer does not
-- know (status unresolved), generic references (generic) and group members (group).
CREATE TABLE agencies (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    status    TEXT NOT NULL CHECK (status IN ('known', 'unresolved', 'generic', 'group')),
    level     TEXT NOT NULL DEFAULT '',
    type      TEXT NOT NULL DEFAULT '',
    successor TEXT NOT NULL DEFAULT '',
    since     INTEGER NOT NULL DEFAULT 0,
    source    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE aliases (
    alias     TEXT PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE
);

CREATE TABLE assignments (
    id        INTEGER PRIMARY KEY,
    clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    role      TEXT NOT NULL CHECK (role IN ('lead', 'co')),
    kind      TEXT NOT NULL CHECK (kind IN ('agency', 'group', 'generic')),
    surface   TEXT NOT NULL                   -- the name as written in the document
);
CREATE INDEX assignments_clause ON assignments(clause_id, seq);
CREATE INDEX assignments_agency ON assignments(agency_id);

CREATE TABLE teams (
    id     INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    name   TEXT NOT NULL,
    part   TEXT NOT NULL,
    line   INTEGER NOT NULL
);
CREATE INDEX teams_doc ON teams(doc_id, seq);
CREATE INDEX teams_name ON teams(name);

CREATE TABLE team_members (
    id        INTEGER PRIMARY KEY,
    team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('convenor', 'deputy', 'member', 'office')),
    agency_id INTEGER REFERENCES agencies(id),  -- NULL for a person (the convenor)
    kind      TEXT NOT NULL,
    surface   TEXT NOT NULL
);
CREATE INDEX team_members_team ON team_members(team_id, seq);
CREATE INDEX team_members_agency ON team_members(agency_id);

-- migration 2
-- Full-text search over items (title and text, which holds the clauses) with the trigram
-- tokenizer, so Chinese needs no word segmenter. Indexing is the costly part of an ingest,
-- so it runs after the documents are stored, in one pass over the items not yet indexed
-- (fg_store_index); meta.fts_upto is the highest items.id that is in the index, and
-- search scans the items above it.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO meta(key, value) VALUES ('fts_upto', 0);
CREATE VIRTUAL TABLE items_fts USING fts5(
    title, text, content='items', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER items_fts_delete AFTER DELETE ON items
WHEN old.id <= (SELECT value FROM meta WHERE key = 'fts_upto') BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

-- migration 3
-- Faster ingest (one transaction per document, the size of the database making no
-- difference). assignments is keyed by (clause_id, seq) WITHOUT ROWID: its rows lie in
-- document order in one b-tree, where a rowid table needed two (nothing refers to an
-- assignment by id). The index on agency_id goes: each document's rows went to the leaf
-- pages of every agency it names, so each commit rewrote hundreds of pages scattered over
-- the index, more of them the larger the database; the queries by agency scan instead.
-- The CHECKs compare with = (an IN list of three or more built a temporary table for each
-- row).
CREATE TABLE assignments_v3 (
    clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    role      TEXT NOT NULL CHECK (role = 'lead' OR role = 'co'),
    kind      TEXT NOT NULL CHECK (kind = 'agency' OR kind = 'group' OR kind = 'generic'),
    surface   TEXT NOT NULL,                  -- the name as written in the document
    PRIMARY KEY (clause_id, seq)
) WITHOUT ROWID;
INSERT INTO assignments_v3(clause_id, seq, agency_id, role, kind, surface)
    SELECT clause_id, seq, agency_id, role, kind, surface FROM assignments
    ORDER BY clause_id, seq;
DROP TABLE assignments;
ALTER TABLE assignments_v3 RENAME TO assignments;
-- team_members the same way: keyed by (team_id, seq), no id (nothing refers to one), no index
-- on agency_id, the CHECK on role with =.
CREATE TABLE team_members_v3 (
    team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    role      TEXT NOT NULL
              CHECK (role = 'convenor' OR role = 'deputy' OR role = 'member' OR role = 'office'),
    agency_id INTEGER REFERENCES agencies(id),  -- NULL for a person (the convenor)
    kind      TEXT NOT NULL,
    surface   TEXT NOT NULL,
    PRIMARY KEY (team_id, seq)
) WITHOUT ROWID;
INSERT INTO team_members_v3(team_id, seq, role, agency_id, kind, surface)
    SELECT team_id, seq, role, agency_id, kind, surface FROM team_members
    ORDER BY team_id, seq;
DROP TABLE team_members;
ALTER TABLE team_members_v3 RENAME TO team_members;
-- The search index gathers 16 MB of terms in memory before it writes a segment (1 MB by
-- default), and merges segments 16 at a time (4 by default): indexing /tmp/gM's 88 MB of
-- text takes 4.8 s instead of 9.1 s; queries find the same rows with the same ranks.
INSERT INTO items_fts(items_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);

-- migration 4
-- The search index holds the text of each item only: the title is the beginning of the
-- text (the parser cuts it from there), so indexing it as a column of its own found nothing
-- more and cost a fifth of the indexing time (/tmp/gM's 1,017k assignment rows: 4.7 s ->
-- 3.8 s). Search puts the items whose title holds the query first, which the title
-- column's weight did before. The index starts again from nothing: search scans until the
-- next fg_store_index ('fengong index', or an ingest) has rebuilt it.
DROP TRIGGER items_fts_delete;
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5(
    text, content='items', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER items_fts_delete AFTER DELETE ON items
WHEN old.id <= (SELECT value FROM meta WHERE key = 'fts_upto') BEGIN
    INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
UPDATE meta SET value = 0 WHERE key = 'fts_upto';
INSERT INTO items_fts(items_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 16);

-- migration 5
-- How many statements of each document the parser did not understand (its notes: a
-- bracket or labelled line with role words that gave no clause, an unknown label, …;
-- 'fengong extract --explain' lists them). NULL for a document stored before version 5,
-- which was never checked.
ALTER TABLE documents ADD COLUMN n_unparsed INTEGER;

-- migration 6
-- The reader that made a document's text: 'text', 'docx', 'pdf' or 'html'. NULL for a
-- document stored before version 6, which was read as text.
ALTER TABLE documents ADD COLUMN format TEXT;

-- migration 7
-- Deadlines and quantitative targets (issue 18), as the parser reads them: fg_clause.deadline,
-- fg_item.deadline and fg_item.targets. Only rows that exist are stored (most clauses have
-- no deadline), each table keyed by its parent WITHOUT ROWID, as migration 3 keys
-- assignments: one b-tree in document order, no secondary index (the queries by date or
-- agency scan, as those by agency do). The CHECKs compare with =.
-- clause_deadlines: the deadline of each clause that has one, also when it is its item's
-- (source 'item'), so that a task's deadline is one look-up. kind 'date' has date
-- 'YYYY-MM-DD' (the last day of the period) or NULL when the phrase names no year and the
-- document gives none; 'recurring' has every (year, half-year, quarter, month, week);
-- 'ongoing' neither. year_assumed is 1 when the date took the document's year (6月底前).
CREATE TABLE clause_deadlines (
    clause_id    INTEGER NOT NULL PRIMARY KEY REFERENCES clauses(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind = 'date' OR kind = 'recurring' OR kind = 'ongoing'),
    every        TEXT NOT NULL,             -- '' unless recurring
    phrase       TEXT NOT NULL,             -- as written: 2025年6月底前, 长期坚持
    date         TEXT,                      -- YYYY-MM-DD or NULL
    year_assumed INTEGER NOT NULL,          -- 0 or 1
    source       TEXT NOT NULL              -- label, column, clause, sentence or item
                 CHECK (source = 'label' OR source = 'column' OR source = 'clause'
                        OR source = 'sentence' OR source = 'item')
) WITHOUT ROWID;
-- item_deadlines: the deadline a 完成时限 column (source 'column') or a deadline label outside
-- the clauses (source 'label') gives an item, with or without clauses.
CREATE TABLE item_deadlines (
    item_id      INTEGER NOT NULL PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind = 'date' OR kind = 'recurring' OR kind = 'ongoing'),
    every        TEXT NOT NULL,
    phrase       TEXT NOT NULL,
    date         TEXT,
    year_assumed INTEGER NOT NULL,
    source       TEXT NOT NULL CHECK (source = 'label' OR source = 'column')
) WITHOUT ROWID;
-- targets: the quantitative targets of an item's own text in text order (seq from 1). value
-- has 万/亿 multiplied out (70万人 -> 700000, unit 人); value_hi is the upper end of a range
-- (bound 'range'), value otherwise. subject is '' when none is written.
CREATE TABLE targets (
    item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    text     TEXT NOT NULL,                 -- as written: 地区生产总值增长6.5%以上
    subject  TEXT NOT NULL,
    change   TEXT NOT NULL CHECK (change = 'level' OR change = 'increase' OR change = 'decrease'),
    bound    TEXT NOT NULL CHECK (bound = 'eq' OR bound = 'ge' OR bound = 'gt' OR bound = 'le'
                                  OR bound = 'lt' OR bound = 'about' OR bound = 'range'),
    value    REAL NOT NULL,
    value_hi REAL NOT NULL,
    unit     TEXT NOT NULL,
    PRIMARY KEY (item_id, seq)
) WITHOUT ROWID;
-- 1 when the document's deadlines and targets were read at ingest; NULL for one stored
-- before version 7: ingesting it again, unchanged, stores it again with them.
ALTER TABLE documents ADD COLUMN tracked INTEGER;

-- migration 8
-- Progress reports (督办): every import of a status table is kept, never overwritten, with
-- its file's name, SHA-256, size and format; the same bytes are imported once (sha256 is
-- UNIQUE). A report names its task by document name and item path, not by ids: items get
-- new ids when a document is ingested again, and a report outlives that (and a removal).
-- status is one of the fixed set; date is the report's day (YYYY-MM-DD), the import's day
-- when the file gave none (dated 0). matched says how the row found its task: by 'item',
-- by the task 'text' or by the 'search' index. n_rows counts the file's rows, n_reports
-- those stored (the others matched no task or several).
CREATE TABLE progress_imports (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    n_bytes     INTEGER NOT NULL,
    format      TEXT NOT NULL CHECK (format = 'csv' OR format = 'tsv' OR format = 'xlsx'),
    n_rows      INTEGER NOT NULL,
    n_reports   INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE progress_reports (
    import_id INTEGER NOT NULL REFERENCES progress_imports(id),
    line      INTEGER NOT NULL,
    doc       TEXT NOT NULL,
    item      TEXT NOT NULL,
    status    TEXT NOT NULL
              CHECK (status = '未启动' OR status = '推进中' OR status = '已完成' OR status = '滞后'),
    date      TEXT NOT NULL,
    dated     INTEGER NOT NULL,
    matched   TEXT NOT NULL CHECK (matched = 'item' OR matched = 'text' OR matched = 'search'),
    note      TEXT NOT NULL,
    reporter  TEXT NOT NULL,
    PRIMARY KEY (import_id, line)
) WITHOUT ROWID;
CREATE INDEX progress_reports_task ON progress_reports(doc, item, date);
