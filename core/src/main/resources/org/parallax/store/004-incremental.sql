-- Schema version 4: what lets `parallax analyze --db` add new articles to the last analysis
-- instead of starting again.

-- The persisted fingerprint index of the reuse stage: every distinct shingle key (the top 40
-- bits of a hashed word 5-gram, as ReuseFinder makes them) of every analysed article. New
-- articles are looked up here, so only pairs with a new article are aligned.
-- (No index by article: rows are only ever looked up by key, and written in the analysis's
-- transaction, so there are no leftovers to find.)
CREATE TABLE shingles (
    key     INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;

-- The articles the saved analysis covers, and the run that first included each.
CREATE TABLE analysed_articles (
    article INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    run     INTEGER NOT NULL
);

-- Settings an incremental run must share with the saved analysis (key "reuse": the reuse
-- configuration as JSON); a change means a full run.
CREATE TABLE analysis_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Reuse links carry both coverages, so a saved link can be read back whole.
ALTER TABLE reuse_links ADD COLUMN target_coverage REAL;
ALTER TABLE reuse_links ADD COLUMN source_coverage REAL;

-- Sentence embeddings computed by the compare stage, by model and SHA-256 of the sentence
-- text: a sentence is encoded once, whatever run or story meets it again. vector: float32
-- little-endian.
-- (A rowid table: a vector is 1.5 KB, too large a row for a WITHOUT ROWID b-tree.)
CREATE TABLE sentence_vectors (
    model  TEXT NOT NULL,
    hash   BLOB NOT NULL,
    vector BLOB NOT NULL
);
CREATE UNIQUE INDEX sentence_vectors_key ON sentence_vectors (model, hash);
