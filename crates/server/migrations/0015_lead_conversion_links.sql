-- A converted lead names the opportunity and the contact its conversion created.
ALTER TABLE leads ADD COLUMN converted_opportunity_id TEXT;
ALTER TABLE leads ADD COLUMN converted_contact_id TEXT;
