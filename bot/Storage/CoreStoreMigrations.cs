namespace ChatSupport.Bot.Storage;

/// <summary>
/// The store's own tables, applied before every feature's: bot state, conversations, the append-only transcript
/// (and PostgreSQL's append-only guard function, which other features' tables use too) and the work leases.
/// </summary>
public sealed class CoreStoreMigrations : IStoreMigrations
{
    public const string FeatureName = "store";

    /// <summary>The one instance the plan always starts with.</summary>
    public static CoreStoreMigrations Instance { get; } = new();

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Bot state, conversations and the append-only transcript.
        new(
            "state-conversations-transcript",
            Sqlite: """
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
                """,
            Postgres: """
                CREATE OR REPLACE FUNCTION chatsupport_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    RAISE EXCEPTION 'the table % is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                END
                $fn$;
                CREATE TABLE state (
                    key TEXT PRIMARY KEY,
                    data TEXT NOT NULL,
                    version BIGINT NOT NULL
                );
                CREATE TABLE conversations (
                    id TEXT PRIMARY KEY,
                    channel_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE activities (
                    conversation_id TEXT NOT NULL,
                    seq BIGINT NOT NULL,
                    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                    activity TEXT NOT NULL,
                    stored_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq)
                );
                CREATE TRIGGER activities_append_only BEFORE UPDATE OR DELETE ON activities
                    FOR EACH ROW EXECUTE FUNCTION chatsupport_append_only();
                CREATE TRIGGER activities_no_truncate BEFORE TRUNCATE ON activities
                    FOR EACH STATEMENT EXECUTE FUNCTION chatsupport_append_only();
                """,
            LegacyVersion: 1),
        // Leases on background work that must run on one node at a time (used by PostgreSQL deployments).
        new(
            "work-leases",
            Sqlite: """
                CREATE TABLE work_leases (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                """,
            Postgres: """
                CREATE TABLE work_leases (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                """,
            LegacyVersion: 5),
    ];
}
