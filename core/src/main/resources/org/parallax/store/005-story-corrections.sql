-- Corrections an analyst made by hand to the stories; applied again after every analysis.
CREATE TABLE story_corrections (
    id      INTEGER PRIMARY KEY,           -- in the order made
    kind    TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'move')),
    items   TEXT NOT NULL,                 -- JSON [article or segment id, ...]: what moves, or one side of a merge
    target  TEXT NOT NULL,                 -- JSON [article id, ...] naming the target story; [] for a split
    made    TEXT NOT NULL,                 -- ISO-8601 time
    note    TEXT
);

-- The numbers of the corrections that shaped each saved story (JSON [id, ...]).
ALTER TABLE stories ADD COLUMN edits TEXT NOT NULL DEFAULT '[]';
