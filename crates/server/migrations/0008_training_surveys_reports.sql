-- Training modules (FAQs, quiz and audience as the contract's JSON), quiz attempts, certificates;
-- partner surveys and their answers; when deal registrations were submitted and decided.
CREATE TABLE training_modules (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0),
    faqs TEXT NOT NULL,
    quiz TEXT NOT NULL,
    pass_percent INTEGER NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
    audience TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE training_attempts (
    id TEXT PRIMARY KEY,
    module_id TEXT NOT NULL REFERENCES training_modules(id),
    owner_user_id TEXT NOT NULL REFERENCES users(id),
    partner_account_id TEXT REFERENCES accounts(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX training_attempts_user ON training_attempts(owner_user_id, module_id);

CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    module_id TEXT NOT NULL REFERENCES training_modules(id),
    owner_user_id TEXT NOT NULL REFERENCES users(id),
    partner_account_id TEXT REFERENCES accounts(id),
    score INTEGER NOT NULL,
    issued_on TEXT NOT NULL,
    UNIQUE (module_id, owner_user_id)
);

CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    open INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE survey_responses (
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    owner_user_id TEXT NOT NULL REFERENCES users(id),
    partner_account_id TEXT REFERENCES accounts(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, owner_user_id)
);

ALTER TABLE deals ADD COLUMN submitted_at TEXT;
ALTER TABLE deals ADD COLUMN decided_at TEXT;
