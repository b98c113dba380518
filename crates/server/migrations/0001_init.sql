-- Trellis reference schema. Timestamps are UTC `YYYY-MM-DDTHH:MM:SSZ`, dates `YYYY-MM-DD`;
-- both sort correctly as text.

CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE tiers (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES programs(id),
    name TEXT NOT NULL,
    rank INTEGER NOT NULL,
    benefits TEXT NOT NULL DEFAULT ''
);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    domain TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT '',
    is_partner INTEGER NOT NULL DEFAULT 0,
    partner_type TEXT,
    tier_id TEXT REFERENCES tiers(id),
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    partner_account_id TEXT REFERENCES accounts(id),
    active INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    product_interest TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX leads_partner ON leads(partner_account_id, created_at);

CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL,
    domain TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    product TEXT NOT NULL,
    estimated_amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    expected_close_date TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    reviewer_reason TEXT,
    expires_on TEXT,
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX deals_partner ON deals(partner_account_id, created_at);

CREATE TABLE opportunities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    account_name TEXT NOT NULL,
    stage TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    close_date TEXT NOT NULL,
    probability INTEGER NOT NULL,
    next_step TEXT NOT NULL DEFAULT '',
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX opportunities_partner ON opportunities(partner_account_id, created_at);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_partner ON contacts(partner_account_id, created_at);

-- The one community: its draft as JSON, with a version bumped on every save.
CREATE TABLE community (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    draft TEXT NOT NULL,
    draft_version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- Immutable published versions; the highest is what partners see.
CREATE TABLE site_versions (
    version INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL REFERENCES users(id)
);
