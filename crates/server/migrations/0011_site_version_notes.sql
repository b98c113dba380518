-- Publishers can say what changed in a version.
ALTER TABLE site_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';
UPDATE site_versions SET note = 'First version' WHERE version = 1;
