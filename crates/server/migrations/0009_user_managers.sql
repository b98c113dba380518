-- Who a partner user reports to: a partner manager sees their team's records.
ALTER TABLE users ADD COLUMN manager_id TEXT REFERENCES users(id);
CREATE INDEX users_manager ON users(manager_id);
