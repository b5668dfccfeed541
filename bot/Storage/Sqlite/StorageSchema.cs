namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>The storage feature's tables in the SQLite store: bot state, conversations and the append-only transcript.</summary>
public static class StorageSchema
{
    public static readonly SqliteMigration Migration = new(1, "storage", """
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
        """);
}
