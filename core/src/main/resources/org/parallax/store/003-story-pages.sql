-- Schema version 3: each story's page as the HTML report renders it, for the web app to serve
-- as it is (saved by the same run, in the same transaction, as the analysis).
CREATE TABLE story_pages (
    story TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    html  TEXT NOT NULL
);
