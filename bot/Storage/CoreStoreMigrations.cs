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

    /// <summary>PostgreSQL's guard of append-only tables (<c>{append-only …}</c> in <see cref="StoreMigration.Portable"/>).</summary>
    private const string AppendOnlyFunction = """
        CREATE OR REPLACE FUNCTION chatsupport_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'the table % is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END
        $fn$;

        """;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Bot state, conversations and the append-only transcript; on PostgreSQL first the append-only guard function.
        WithPostgresPrelude(AppendOnlyFunction, StoreMigration.Portable(
            "state-conversations-transcript",
            """
                CREATE TABLE state (
                    key TEXT PRIMARY KEY,
                    data TEXT NOT NULL,
                    version {int} NOT NULL
                );
                CREATE TABLE conversations (
                    id TEXT PRIMARY KEY,
                    channel_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE activities (
                    conversation_id TEXT NOT NULL,
                    seq {int} NOT NULL,
                    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                    activity TEXT NOT NULL,
                    stored_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq)
                ){without rowid};
                {append-only activities 'the transcript is append-only'}
                """,
            legacyVersion: 1)),
        // Leases on background work that must run on one node at a time (used by PostgreSQL deployments).
        StoreMigration.Portable(
            "work-leases",
            """
                CREATE TABLE work_leases (
                    name TEXT PRIMARY KEY,
                    holder TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                """,
            legacyVersion: 5),
    ];

    private static StoreMigration WithPostgresPrelude(string prelude, StoreMigration migration) =>
        migration with { Postgres = prelude + migration.Postgres };
}
