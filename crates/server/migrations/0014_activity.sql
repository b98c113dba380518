-- Record timelines: every change (who, when, from -> to) and comments with mentions. Written in
-- the same transaction as the change. No foreign keys: an entry outlives what it is about.
CREATE TABLE activity (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    record_title TEXT NOT NULL,
    partner_account_id TEXT,
    at TEXT NOT NULL,
    actor_user_id TEXT,
    actor_name TEXT NOT NULL,
    what TEXT NOT NULL CHECK (what IN ('created', 'changed', 'comment')),
    changes TEXT NOT NULL DEFAULT '[]',
    body TEXT,
    mentions TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX activity_record ON activity (record_id, seq);
CREATE TABLE activity_mentions (
    user_id TEXT NOT NULL,
    activity_seq INTEGER NOT NULL,
    PRIMARY KEY (user_id, activity_seq)
);
