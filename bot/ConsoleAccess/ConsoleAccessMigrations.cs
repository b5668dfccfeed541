using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>
/// The console's sign-in sessions, revocable on the server (sign-out, disable, new password) with an absolute end.
/// </summary>
public sealed class ConsoleAccessMigrations : IStoreMigrations
{
    public const string FeatureName = "console-access";

    public string Feature => FeatureName;

    public IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        // Console sessions (shipped beside the accounts' disabled flag).
        StoreMigration.Portable(
            "sessions",
            """
                CREATE TABLE console_sessions (
                    id_hash TEXT PRIMARY KEY,
                    user_name TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                CREATE INDEX console_sessions_by_user ON console_sessions (user_name);
                """,
            legacyVersion: 6),
    ];
}
