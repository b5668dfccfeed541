using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Handoff;

/// <summary>
/// The human handoff's tables: sessions (version = optimistic concurrency), console accounts, the append-only audit
/// log, counselors' internal notes and canned responses.
/// </summary>
public sealed class HandoffMigrations : IStoreMigrations
{
    public const string FeatureName = "handoff";

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Sessions, console accounts, the audit log, notes and canned responses.
        StoreMigration.Portable(
            "sessions-accounts-audit-notes-canned",
            """
                CREATE TABLE handoff_sessions (
                    conversation_id TEXT PRIMARY KEY,
                    state TEXT NOT NULL,
                    priority_band {int} NOT NULL,
                    waiting_since TEXT,
                    counselor_id TEXT,
                    data TEXT NOT NULL,
                    version {int} NOT NULL
                );
                CREATE INDEX handoff_sessions_by_state ON handoff_sessions (state, priority_band, waiting_since);
                CREATE TABLE console_accounts (
                    user_name TEXT PRIMARY KEY,
                    password_hash TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('counselor', 'supervisor', 'admin')),
                    status TEXT NOT NULL DEFAULT 'away' CHECK (status IN ('available', 'away')),
                    failed_attempts {int} NOT NULL DEFAULT 0,
                    locked_until TEXT,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE audit_log (
                    id {serial},
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    conversation_id TEXT,
                    detail TEXT
                );
                CREATE INDEX audit_log_by_conversation ON audit_log (conversation_id, id);
                {append-only audit_log 'the audit log is append-only'}
                CREATE TABLE counselor_notes (
                    id {serial},
                    conversation_id TEXT NOT NULL,
                    author TEXT NOT NULL,
                    at TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX counselor_notes_by_conversation ON counselor_notes (conversation_id, id);
                CREATE TABLE canned_responses (
                    id {serial},
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                """,
            legacyVersion: 2),
        // Accounts that can be disabled (shipped beside the console's revocable sessions).
        StoreMigration.Portable(
            "accounts-disabled",
            """
                ALTER TABLE console_accounts ADD COLUMN disabled {int} NOT NULL DEFAULT 0;
                """,
            legacyVersion: 6),
        // Console presence: when each counselor's console was last open (a heartbeat), so a counselor who closed it
        // without saying they are away is not counted as on duty.
        StoreMigration.Portable(
            "accounts-seen-at",
            """
                ALTER TABLE console_accounts ADD COLUMN seen_at TEXT;
                """,
            legacyVersion: 8),
    ];
}
