-- Every change of an account's partnership or tier, with who made it and why.
CREATE TABLE tier_changes (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    from_tier_id TEXT REFERENCES tiers(id),
    to_tier_id TEXT REFERENCES tiers(id),
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX tier_changes_account ON tier_changes(account_id, changed_at);
