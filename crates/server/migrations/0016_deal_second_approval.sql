-- The first of two approvals, for registrations the review policy says need a second approver.
ALTER TABLE deals ADD COLUMN first_approver_id TEXT;
ALTER TABLE deals ADD COLUMN first_approver_name TEXT;
ALTER TABLE deals ADD COLUMN first_approved_at TEXT;
