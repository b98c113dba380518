-- Market development funds. `committed` and `claimed` are kept by single guarded UPDATEs,
-- so concurrent approvals or claims can never push them over `amount`.
CREATE TABLE mdf_budgets (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES programs(id),
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    committed INTEGER NOT NULL DEFAULT 0 CHECK (committed >= 0 AND committed <= amount),
    created_at TEXT NOT NULL
);

CREATE TABLE mdf_requests (
    id TEXT PRIMARY KEY,
    budget_id TEXT NOT NULL REFERENCES mdf_budgets(id),
    activity TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,
    reviewer_reason TEXT,
    claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed >= 0 AND claimed <= amount),
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX mdf_requests_partner ON mdf_requests(partner_account_id, created_at);

-- Uploaded files; served only to those who may see the record they belong to.
CREATE TABLE files (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL
);

CREATE TABLE mdf_claims (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES mdf_requests(id),
    activity TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    reviewer_reason TEXT,
    proof_file_id TEXT NOT NULL REFERENCES files(id),
    proof_file_name TEXT NOT NULL,
    proof_content_type TEXT NOT NULL,
    proof_size INTEGER NOT NULL,
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX mdf_claims_partner ON mdf_claims(partner_account_id, created_at);
