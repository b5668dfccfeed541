using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line's tables: conversations whose tokens were revoked (quick exit), and inbound messages stored but not
/// yet answered (a turn cut off by a crash is run again at the next start).
/// </summary>
public sealed class DirectLineMigrations : IStoreMigrations
{
    public const string FeatureName = "directline";

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Revoked conversations and pending inbound messages.
        StoreMigration.Portable(
            "revoked-pending",
            """
                CREATE TABLE directline_revoked (
                    conversation_id TEXT PRIMARY KEY,
                    revoked_at TEXT NOT NULL
                );
                CREATE TABLE directline_pending (
                    conversation_id TEXT NOT NULL,
                    seq {int} NOT NULL,
                    stored_at TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq)
                );
                """,
            legacyVersion: 7),
    ];
}
