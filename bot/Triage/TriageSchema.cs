using ChatSupport.Bot.Storage.Sqlite;

namespace ChatSupport.Bot.Triage;

/// <summary>The triage feature's tables in the SQLite store: AI triage (ETHICS.md): judgements for supervisor review (redacted text only, ETH-05), opt-outs (ETH-04), the kill switch flag and the append-only triage audit log (ETH-03, ETH-08).</summary>
public static class TriageSchema
{
    public static readonly SqliteMigration Migration = new(4, "triage", """
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
        """);
}
