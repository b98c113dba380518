-- The audit log of security- and money-relevant events. No foreign keys: an event outlives
-- whatever it is about.
CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    actor TEXT NOT NULL,
    partner_account_id TEXT,
    subject_id TEXT,
    summary TEXT NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_account ON audit_events (partner_account_id, seq);
