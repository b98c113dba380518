-- Support cases, their message threads, and small settings such as the contact channels.
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    category TEXT NOT NULL,
    priority TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    attachment_file_id TEXT REFERENCES files(id),
    attachment_name TEXT,
    partner_account_id TEXT REFERENCES accounts(id),
    owner_user_id TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_partner ON cases(partner_account_id, created_at);

CREATE TABLE case_messages (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    author_name TEXT NOT NULL,
    from_staff INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX case_messages_case ON case_messages(case_id, created_at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
