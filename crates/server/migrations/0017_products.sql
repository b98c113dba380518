-- The product catalogue deals and opportunities pick from; names are unique without case.
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    family TEXT NOT NULL,
    list_price INTEGER NOT NULL CHECK (list_price >= 0),
    currency TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX products_name ON products(name COLLATE NOCASE);
ALTER TABLE opportunities ADD COLUMN product TEXT NOT NULL DEFAULT '';
