-- What several processes must agree on: per-user token buckets, the
-- dedupe of events and interactions, and identify slots per
-- max_concurrency bucket.

-- +goose Up
CREATE TABLE rates (
	kind   TEXT NOT NULL,
	id     TEXT NOT NULL,
	tokens DOUBLE PRECISION NOT NULL,
	at     BIGINT NOT NULL,
	PRIMARY KEY (kind, id)
);
CREATE TABLE seen (
	id         TEXT PRIMARY KEY,
	expires_at BIGINT NOT NULL
);
CREATE INDEX seen_expiry ON seen(expires_at);
CREATE TABLE identify_slots (
	bucket  INTEGER PRIMARY KEY,
	next_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE identify_slots;
DROP TABLE seen;
DROP TABLE rates;
