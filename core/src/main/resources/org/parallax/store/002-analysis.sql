-- Schema version 2: what the corpus-wide stages found, as of the last `parallax analyze --db`.
-- Each run replaces these rows in one transaction. Article references are documents.id;
-- offsets are into articles.body. Nested detail is JSON in the shape of the JSON report
-- (docs/report.md).
CREATE TABLE analysis_runs (
    id          INTEGER PRIMARY KEY,
    finished_at TEXT NOT NULL,
    articles    INTEGER NOT NULL,
    stories     INTEGER NOT NULL,
    timings     TEXT NOT NULL              -- JSON [{stage, millis}, ...]
);

CREATE TABLE reuse_links (
    source_article  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    target_article  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    direction       TEXT NOT NULL,
    confidence      REAL NOT NULL,
    evidence        TEXT,
    shared_words    INTEGER NOT NULL,
    duplicate       INTEGER NOT NULL,      -- 1: a near-duplicate reprint
    passages        TEXT NOT NULL          -- JSON, as reuse[].passages in the report
);
CREATE INDEX reuse_by_source ON reuse_links (source_article);
CREATE INDEX reuse_by_target ON reuse_links (target_article);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    aliases  TEXT NOT NULL,                -- JSON [name, ...]
    articles TEXT NOT NULL                 -- JSON [article id, ...]
);

CREATE TABLE quotes (
    id           TEXT PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    speaker      TEXT,                     -- entity id
    speaker_text TEXT,
    quote_group  TEXT
);
CREATE INDEX quotes_by_article ON quotes (article);
CREATE INDEX quotes_by_speaker ON quotes (speaker);

CREATE TABLE figures (
    id            TEXT PRIMARY KEY,
    article       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value         TEXT NOT NULL,           -- JSON number or [low, high]
    unit          TEXT NOT NULL,
    about         TEXT NOT NULL,
    attributed_to TEXT                     -- entity id, "outlet", or NULL for an unresolved source
);
CREATE INDEX figures_by_article ON figures (article);

CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    title    TEXT NOT NULL,
    date     TEXT,
    last     TEXT,
    articles TEXT NOT NULL,                -- JSON [article id, ...]
    events   TEXT NOT NULL                 -- JSON, as stories[].events in the report
);

CREATE TABLE story_articles (
    story   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (story, article)
);
CREATE INDEX story_articles_by_article ON story_articles (article);

CREATE TABLE comparisons (
    story TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    json  TEXT NOT NULL                    -- as comparisons[] in the report
);
