-- Assigned leads carry a deadline; past it they go back to the pool.
ALTER TABLE leads ADD COLUMN accept_by TEXT;
CREATE INDEX leads_overdue ON leads(status, accept_by);
CREATE INDEX deals_expiry ON deals(status, expires_on);
