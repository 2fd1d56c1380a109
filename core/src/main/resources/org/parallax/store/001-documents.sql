-- Parallax corpus store, schema version 1: documents as read, articles as extracted, problems.
-- Documents are unique by content hash and by URL; an article has the id of its document.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,            -- file path or URL the document was read from
    name         TEXT NOT NULL,            -- file name (the manifest key) or URL
    url          TEXT,                     -- canonical URL when known
    outlet       TEXT,
    domain       TEXT,
    published    TEXT,                     -- ISO date from the manifest or feed, else NULL
    format       TEXT NOT NULL CHECK (format IN ('text', 'html')),
    content_hash TEXT NOT NULL,            -- SHA-256 of the decoded content (UTF-8), hex
    content_gz   BLOB NOT NULL,            -- the decoded document, UTF-8, gzip; article offsets map into it
    ingested_at  TEXT NOT NULL             -- ISO instant
);
CREATE UNIQUE INDEX documents_by_hash ON documents (content_hash);
CREATE UNIQUE INDEX documents_by_url ON documents (url) WHERE url IS NOT NULL;

CREATE TABLE articles (
    id         INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    title      TEXT,
    author     TEXT,
    published  TEXT,                       -- from the manifest, else from the page, else NULL
    outlet     TEXT,
    domain     TEXT,
    url        TEXT,
    language   TEXT NOT NULL,
    body       TEXT NOT NULL,              -- the article text every offset of the report points into
    body_map   TEXT NOT NULL,              -- JSON [[bodyStart, documentStart, length], ...]
    removed    TEXT NOT NULL,              -- JSON [{kind, documentStart, documentEnd, text}, ...]
    sentences  TEXT NOT NULL               -- JSON [[start, end], ...] in the body
);
CREATE INDEX articles_by_published ON articles (published);
CREATE INDEX articles_by_outlet ON articles (outlet);

-- Full-text search over titles and bodies (SQLite FTS5), kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = 'articles', content_rowid = 'id');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Inputs that could not be read or extracted, one line each, as printed on stderr.
CREATE TABLE problems (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,
    stage   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL
);

-- Input files already stored, as they were then: a file whose size and modification time are
-- unchanged is not read again.
CREATE TABLE files (
    path      TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    modified  INTEGER NOT NULL,            -- milliseconds since the epoch
    stored_at TEXT NOT NULL
);
