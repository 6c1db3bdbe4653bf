-- Model choices, feedback, daily usage counters and wizard sessions. Tables
-- are created only when missing: a SQLite database from a build before
-- numbered migrations already has them.

-- +goose Up
CREATE TABLE IF NOT EXISTS guild_models (
	guild_id   TEXT PRIMARY KEY,
	backend    TEXT NOT NULL,
	changed_by TEXT NOT NULL,
	changed_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
	message_id TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	guild_id   TEXT NOT NULL,
	vote       INTEGER NOT NULL,
	at         BIGINT NOT NULL,
	PRIMARY KEY (message_id, user_id)
);
CREATE INDEX IF NOT EXISTS feedback_user ON feedback(user_id);
CREATE TABLE IF NOT EXISTS usage (
	kind  TEXT NOT NULL,
	id    TEXT NOT NULL,
	day   TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (kind, id, day)
);
CREATE TABLE IF NOT EXISTS sessions (
	id         TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL,
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	state      BYTEA NOT NULL,
	step       INTEGER NOT NULL,
	version    BIGINT NOT NULL,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id, updated_at);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions(expires_at);

-- +goose Down
DROP TABLE sessions;
DROP TABLE usage;
DROP TABLE feedback;
DROP TABLE guild_models;
