using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// The LINE channel's tables: the webhook inbox (deduplicated on webhookEventId), LINE users and outbound messages
/// with retry keys. Created whether or not the channel is configured, like every feature's tables.
/// </summary>
public sealed class LineMigrations : IStoreMigrations
{
    public const string FeatureName = "line";

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Inbox, users and outbox.
        StoreMigration.Portable(
            "inbox-users-outbox",
            """
                CREATE TABLE line_inbox (
                    seq {serial},
                    webhook_event_id TEXT NOT NULL UNIQUE,
                    conversation_id TEXT NOT NULL,
                    event TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
                    attempts {int} NOT NULL DEFAULT 0,
                    transcript_seq {int},
                    processed_at TEXT
                );
                CREATE INDEX line_inbox_pending ON line_inbox (state, conversation_id, seq);
                CREATE TABLE line_users (
                    conversation_id TEXT PRIMARY KEY,
                    line_user_id TEXT NOT NULL UNIQUE,
                    following {int} NOT NULL DEFAULT 1,
                    changed_at TEXT NOT NULL,
                    mark_as_read_token TEXT
                );
                CREATE TABLE line_outbox (
                    id {serial},
                    conversation_id TEXT NOT NULL,
                    inbox_seq {int},
                    messages TEXT NOT NULL,
                    retry_key TEXT NOT NULL UNIQUE,
                    reply_token TEXT,
                    reply_deadline TEXT,
                    reply_attempted {int} NOT NULL DEFAULT 0,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
                    method TEXT,
                    attempts {int} NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    sent_at TEXT
                );
                CREATE INDEX line_outbox_pending ON line_outbox (state, conversation_id, id);
                """,
            legacyVersion: 3),
    ];
}
