using ChatSupport.Bot.Storage.Sqlite;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>The line feature's tables in the SQLite store: LINE channel: webhook inbox (deduplicated on webhookEventId), LINE users, outbound messages with retry keys.</summary>
public static class LineSchema
{
    public static readonly SqliteMigration Migration = new(3, "line", """
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
        """);
}
