-- The SQLite schema as main had it before features registered their own migrations: the single
-- numbered list (version = position), frozen here so upgrade tests build a database exactly as that build did.
-- Never edit.

-- version 1
CREATE TABLE state (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE activities (
    conversation_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    activity TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER activities_append_only_update BEFORE UPDATE ON activities
BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END;
CREATE TRIGGER activities_append_only_delete BEFORE DELETE ON activities
BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END;

-- version 2
CREATE TABLE handoff_sessions (
    conversation_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    priority_band INTEGER NOT NULL,
    waiting_since TEXT,
    counselor_id TEXT,
    data TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX handoff_sessions_by_state ON handoff_sessions (state, priority_band, waiting_since);
CREATE TABLE console_accounts (
    user_name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
    status TEXT NOT NULL DEFAULT 'away' CHECK (status IN ('available', 'away')),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    conversation_id TEXT,
    detail TEXT
);
CREATE INDEX audit_log_by_conversation ON audit_log (conversation_id, id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE counselor_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX counselor_notes_by_conversation ON counselor_notes (conversation_id, id);
CREATE TABLE canned_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- version 3
CREATE TABLE line_inbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_event_id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    event TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    transcript_seq INTEGER,
    processed_at TEXT
);
CREATE INDEX line_inbox_pending ON line_inbox (state, conversation_id, seq);
CREATE TABLE line_users (
    conversation_id TEXT PRIMARY KEY,
    line_user_id TEXT NOT NULL UNIQUE,
    following INTEGER NOT NULL DEFAULT 1,
    changed_at TEXT NOT NULL,
    mark_as_read_token TEXT
);
CREATE TABLE line_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    inbox_seq INTEGER,
    messages TEXT NOT NULL,
    retry_key TEXT NOT NULL UNIQUE,
    reply_token TEXT,
    reply_deadline TEXT,
    reply_attempted INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    method TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX line_outbox_pending ON line_outbox (state, conversation_id, id);

-- version 4
CREATE TABLE triage_judgements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    rule_level TEXT NOT NULL,
    ai_level TEXT NOT NULL,
    final_level TEXT NOT NULL,
    raised_by_ai INTEGER NOT NULL,
    categories TEXT NOT NULL,
    rationale TEXT NOT NULL,
    confidence REAL NOT NULL,
    prompt_version TEXT NOT NULL,
    model TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    reviewer_id TEXT,
    review_decision TEXT,
    reviewed_level TEXT,
    review_reason TEXT,
    reviewed_at TEXT
);
CREATE INDEX triage_judgements_conversation ON triage_judgements (conversation_id, id);
CREATE INDEX triage_judgements_review ON triage_judgements (reviewed_at, id);
CREATE TABLE triage_opt_outs (
    channel_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    opted_out_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;
CREATE TABLE triage_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE triage_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TRIGGER triage_audit_append_only_update BEFORE UPDATE ON triage_audit
BEGIN SELECT RAISE(ABORT, 'the triage audit log is append-only'); END;
CREATE TRIGGER triage_audit_append_only_delete BEFORE DELETE ON triage_audit
BEGIN SELECT RAISE(ABORT, 'the triage audit log is append-only'); END;

-- version 5
CREATE TABLE work_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- version 6
CREATE TABLE console_sessions (
    id_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_name);
ALTER TABLE console_accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- version 7
CREATE TABLE directline_revoked (
    conversation_id TEXT PRIMARY KEY,
    revoked_at TEXT NOT NULL
);
CREATE TABLE directline_pending (
    conversation_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

-- version 8
ALTER TABLE console_accounts ADD COLUMN seen_at TEXT;
