"""The SQLite schema, as append-only migrations (aligner/store/migrations.py) in three
namespaces: "core", then "glossary" (merging and curation of the glossary) and "qa" (QA
reports cached), applied in that order.

Tables: records and their language versions, turns, paragraphs, sentences, turn links, aligned
pairs (+ the FTS5 concordance index and TM embeddings), reviewer corrections, jobs, and the
glossary tables the terminology module builds on. To change the schema append a Migration with
the next version number; never edit one that has shipped.
"""

from __future__ import annotations

from aligner.store.migrations import CORE, Migration, register_migrations

_RECORDS = """
CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    symbol      TEXT NOT NULL UNIQUE,
    meta        TEXT NOT NULL,          -- JSON: MeetingMeta of the zh and en versions
    signature   TEXT NOT NULL,          -- alignment signature of the stored pairs
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per language version: the idempotency key of an import is symbol + these hashes.
CREATE TABLE record_versions (
    record_id     INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    language      TEXT NOT NULL,
    source_name   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    meta          TEXT NOT NULL,        -- JSON: MeetingMeta as parsed from this version
    PRIMARY KEY (record_id, language)
);
CREATE INDEX record_versions_sha ON record_versions(source_sha256);

CREATE TABLE turns (
    record_id       INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    language        TEXT NOT NULL,
    idx             INTEGER NOT NULL,
    role            TEXT NOT NULL,
    speaker         TEXT,
    honorific       TEXT,
    country         TEXT,
    country_code    TEXT,
    spoken_language TEXT NOT NULL,
    is_original     INTEGER NOT NULL,
    header          TEXT NOT NULL,
    PRIMARY KEY (record_id, language, idx)
);

CREATE TABLE paragraphs (
    record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    turn        INTEGER NOT NULL,
    idx         INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    PRIMARY KEY (record_id, language, turn, idx)
);

CREATE TABLE sentences (
    id        TEXT PRIMARY KEY,         -- models.sentence_id: stable across re-parsing
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    seq       INTEGER NOT NULL,         -- document order within the language version
    turn      INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    norm      TEXT NOT NULL
);
CREATE INDEX sentences_record ON sentences(record_id, language, seq);

CREATE TABLE turn_links (
    record_id  INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    zh_turn    INTEGER,
    en_turn    INTEGER,
    zh_turns   TEXT NOT NULL,           -- JSON list
    en_turns   TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE pairs (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- reading order within the record
    zh_turn     INTEGER,
    en_turn     INTEGER,
    zh_ids      TEXT NOT NULL,          -- JSON list of sentence ids
    en_ids      TEXT NOT NULL,
    zh_text     TEXT NOT NULL,
    en_text     TEXT NOT NULL,
    zh_norm     TEXT NOT NULL,          -- matching form, indexed for concordance search
    en_norm     TEXT NOT NULL,
    confidence  REAL NOT NULL,
    type        TEXT NOT NULL,          -- "1-1", "2-1", "0-1"...
    signature   TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT 'aligner',  -- 'aligner' or 'reviewer'
    status      TEXT NOT NULL DEFAULT 'auto',     -- auto | approved | corrected | rejected
    flags       TEXT NOT NULL DEFAULT '[]',       -- JSON list of reviewer flags
    note        TEXT,
    reviewed_by TEXT,
    reviewed_at TEXT
);
CREATE INDEX pairs_record ON pairs(record_id, position);

CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    pair_id    INTEGER REFERENCES pairs(id) ON DELETE SET NULL,
    action     TEXT NOT NULL,           -- merge | split | relink | flag
    reviewer   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    before     TEXT NOT NULL,           -- JSON snapshot of the pairs touched
    after      TEXT NOT NULL,
    note       TEXT
);
CREATE INDEX corrections_pair ON corrections(pair_id);
CREATE INDEX corrections_record ON corrections(record_id);

CREATE TABLE jobs (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,          -- queued | running | succeeded | failed
    stage       TEXT NOT NULL,
    percent     REAL NOT NULL,
    params      TEXT NOT NULL,          -- JSON
    result      TEXT,                   -- JSON
    error       TEXT,
    error_type  TEXT,
    created_at  TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    updated_at  TEXT NOT NULL
);
CREATE INDEX jobs_created ON jobs(created_at);

-- Counters such as pairs_version, bumped by every write that changes pairs (cache keys).
CREATE TABLE store_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO store_state (key, value) VALUES ('pairs_version', 0);
"""

# Concordance index over both languages' matching forms. The trigram tokenizer finds any
# substring of 3+ characters, which Chinese needs (no spaces between words); shorter queries
# use LIKE on the same columns. External content: the text is stored once, in `pairs`.
_FTS = """
CREATE VIRTUAL TABLE pairs_fts USING fts5(
    zh_norm, en_norm, content='pairs', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER pairs_fts_insert AFTER INSERT ON pairs BEGIN
    INSERT INTO pairs_fts(rowid, zh_norm, en_norm) VALUES (new.id, new.zh_norm, new.en_norm);
END;
CREATE TRIGGER pairs_fts_delete AFTER DELETE ON pairs BEGIN
    INSERT INTO pairs_fts(pairs_fts, rowid, zh_norm, en_norm)
    VALUES ('delete', old.id, old.zh_norm, old.en_norm);
END;
CREATE TRIGGER pairs_fts_update AFTER UPDATE OF zh_norm, en_norm ON pairs BEGIN
    INSERT INTO pairs_fts(pairs_fts, rowid, zh_norm, en_norm)
    VALUES ('delete', old.id, old.zh_norm, old.en_norm);
    INSERT INTO pairs_fts(rowid, zh_norm, en_norm) VALUES (new.id, new.zh_norm, new.en_norm);
END;
"""

# Sentence embeddings of each pair side for translation-memory look-up, per model; `text_sha`
# tells a stale vector (the pair's text changed) from a current one.
_TM = """
CREATE TABLE pair_embeddings (
    pair_id  INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    model    TEXT NOT NULL,
    text_sha TEXT NOT NULL,
    dim      INTEGER NOT NULL,
    vector   BLOB NOT NULL,             -- float32, little-endian, L2-normalised
    PRIMARY KEY (pair_id, language, model)
);
CREATE INDEX pair_embeddings_model ON pair_embeddings(model, language);
"""

# The terminology module (aligner/terms, aligner/store/glossary.py) builds on these.
_GLOSSARY = """
CREATE TABLE glossary_entries (
    id             INTEGER PRIMARY KEY,
    zh             TEXT NOT NULL,
    zh_traditional TEXT,
    en             TEXT NOT NULL,
    type           TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'candidate',
    confidence     REAL NOT NULL DEFAULT 0,
    freq_zh        INTEGER NOT NULL DEFAULT 0,
    freq_en        INTEGER NOT NULL DEFAULT 0,
    variants       TEXT NOT NULL DEFAULT '[]',   -- JSON
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (zh, en)
);
CREATE TABLE glossary_contexts (
    id       INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES glossary_entries(id) ON DELETE CASCADE,
    pair_id  INTEGER REFERENCES pairs(id) ON DELETE SET NULL,
    symbol   TEXT NOT NULL
);
CREATE INDEX glossary_contexts_entry ON glossary_contexts(entry_id);
CREATE INDEX glossary_contexts_pair ON glossary_contexts(pair_id);
"""

# Record versions (aligner/store/versioning.py): the current version's number and how it came
# to be; earlier versions archived whole (zlib-compressed JSON of the record and its pairs, as
# the API returns them); the parsed content's digest beside each source file's hash; and where
# a correction stands after a re-import. Corrections a verbalign without versions left without
# their pair are marked "detached".
_VERSIONS = """
ALTER TABLE records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE records ADD COLUMN version_reason TEXT NOT NULL DEFAULT 'import';
ALTER TABLE record_versions ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';

CREATE TABLE record_archive (
    record_id      INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    reason         TEXT NOT NULL,
    created_at     TEXT NOT NULL,       -- when this version was stored
    replaced_at    TEXT NOT NULL,       -- when the next one replaced it
    signature      TEXT NOT NULL,
    pair_count     INTEGER NOT NULL,
    zh_sentences   INTEGER NOT NULL,
    en_sentences   INTEGER NOT NULL,
    reviewed_pairs INTEGER NOT NULL,
    sources        TEXT NOT NULL,       -- JSON: the language versions' files
    snapshot       BLOB NOT NULL,       -- zlib(JSON {"record": ..., "pairs": [...]})
    PRIMARY KEY (record_id, version)
);

ALTER TABLE corrections ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE corrections ADD COLUMN state TEXT NOT NULL DEFAULT 'current';
ALTER TABLE corrections ADD COLUMN archived_version INTEGER;
ALTER TABLE corrections ADD COLUMN archived_pair_id INTEGER;
UPDATE corrections SET state = 'detached' WHERE pair_id IS NULL;
"""

# Pairs loaded from a built corpus (aligner/store/bulk.py) keep the corpus table's pair id, so
# that loading the same corpus again adds nothing.
_CORPUS_KEYS = """
ALTER TABLE pairs ADD COLUMN corpus_key TEXT;
CREATE UNIQUE INDEX pairs_corpus_key ON pairs(corpus_key);
"""

register_migrations(
    CORE,
    [
        Migration(1, "records, structure, pairs, corrections, jobs", _RECORDS),
        Migration(2, "concordance index (FTS5 trigram)", _FTS),
        Migration(3, "translation-memory embeddings", _TM),
        Migration(4, "glossary entries and contexts", _GLOSSARY),
        Migration(5, "turn titles", "ALTER TABLE turns ADD COLUMN title TEXT;"),
        Migration(6, "record versions, archived versions, corrections carried over", _VERSIONS),
        Migration(7, "corpus keys of loaded pairs", _CORPUS_KEYS),
    ],
)

# The glossary's merging and curation (aligner/store/sql/glossary.py):
# - glossary_occurrences: one row per (entry, record) with that record's counts, so that
#   rebuilding a record replaces its contribution instead of adding it twice;
# - provenance, curation and search-key columns, and the sentences of each context.
_GLOSSARY_MERGING = """
ALTER TABLE glossary_entries ADD COLUMN zh_norm TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_entries ADD COLUMN en_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_entries ADD COLUMN pairs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE glossary_entries ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE glossary_entries ADD COLUMN symbols TEXT NOT NULL DEFAULT '[]';
ALTER TABLE glossary_entries ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted';
ALTER TABLE glossary_entries ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_entries ADD COLUMN reviewed_by TEXT;
CREATE UNIQUE INDEX glossary_entries_key ON glossary_entries(zh_norm, en_fold);
CREATE INDEX glossary_entries_en ON glossary_entries(en_fold);

ALTER TABLE glossary_contexts ADD COLUMN zh_text TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_contexts ADD COLUMN en_text TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_contexts ADD COLUMN zh_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE glossary_contexts ADD COLUMN en_ids TEXT NOT NULL DEFAULT '[]';
CREATE INDEX glossary_contexts_symbol ON glossary_contexts(symbol);

CREATE TABLE glossary_occurrences (
    entry_id   INTEGER NOT NULL REFERENCES glossary_entries(id) ON DELETE CASCADE,
    symbol     TEXT NOT NULL,
    freq_zh    INTEGER NOT NULL,
    freq_en    INTEGER NOT NULL,
    pairs      INTEGER NOT NULL,
    confidence REAL NOT NULL,
    sources    TEXT NOT NULL,
    variants   TEXT NOT NULL,
    PRIMARY KEY (entry_id, symbol)
);
CREATE INDEX glossary_occurrences_symbol ON glossary_occurrences(symbol);
"""

register_migrations(
    "glossary", [Migration(1, "glossary merging, curation, search keys", _GLOSSARY_MERGING)]
)

_QA_REPORTS = """
CREATE TABLE qa_reports (
    key        TEXT PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    semantic   INTEGER NOT NULL,
    qa_version TEXT NOT NULL,
    created_at TEXT NOT NULL,
    report     TEXT NOT NULL
);
CREATE INDEX qa_reports_record ON qa_reports(record_id);
"""

register_migrations("qa", [Migration(1, "QA reports cached per record version", _QA_REPORTS)])
