-- What a partner must achieve to reach each tier; ranks are unique within a program.
ALTER TABLE tiers ADD COLUMN requirements TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX tiers_program_rank ON tiers(program_id, rank);
