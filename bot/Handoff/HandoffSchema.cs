using ChatSupport.Bot.Storage.Sqlite;

namespace ChatSupport.Bot.Handoff;

/// <summary>The handoff feature's tables in the SQLite store: human handoff: sessions (version = optimistic concurrency), console accounts, the append-only audit log, counselors' internal notes and canned responses.</summary>
public static class HandoffSchema
{
    public static readonly SqliteMigration Migration = new(2, "handoff", """
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
        """);
}
