namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>Configuration section <c>ChatSupport:Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "ChatSupport:Console";

    /// <summary>Map the console pages and its HTTP API on this node. Default true; false for public-only nodes.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed sign-ins in a row before an account is locked. Default 5.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Absolute lifetime of a console session (cookie and bearer token alike), counted from sign-in: activity does
    /// not extend it. Default 8 hours.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins one client address may make in a burst before every sign-in from it gets 429. Default 10.</summary>
    public int SignInFailuresPerClient { get; set; } = 10;

    /// <summary>Failed sign-ins per minute a client address earns back once its burst is spent. Default 2.</summary>
    public int SignInFailuresPerClientPerMinute { get; set; } = 2;

    /// <summary>
    /// Development only: when the store has no account, <c>counselor</c> and <c>supervisor</c> are created
    /// with this password. Ignored (no account is ever created) outside Development. Default none.
    /// </summary>
    public string? DevelopmentPassword { get; set; }
}
