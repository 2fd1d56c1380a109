-- What a reuse link is: 'copy' (one article took text from the other) or 'shared-quotation'
-- (every passage stands inside quotation marks in both: both print the same quotation).
ALTER TABLE reuse_links ADD COLUMN kind TEXT NOT NULL DEFAULT 'copy'
    CHECK (kind IN ('copy', 'shared-quotation'));
