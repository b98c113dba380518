-- Why a partner declined a lead.
ALTER TABLE leads ADD COLUMN decline_reason TEXT;
