namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>Configuration section <c>ChatSupport:DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "ChatSupport:DirectLine";

    /// <summary>The Direct Line secret (master key). From the environment or user-secrets only; generated in Development when unset.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; the spec's 30 minutes by default.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The largest request body accepted for one activity (the spec's 256K characters).</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Activities per page of GET activities and per WebSocket frame.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// On a shared database (PostgreSQL), how long a stored message may wait unanswered before another node runs its
    /// turn (its node is taken to have died). Two minutes by default; the recovery pass runs every quarter of this,
    /// at most every 30 seconds. A single SQLite node runs its own leftovers at start, without waiting.
    /// </summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromMinutes(2);
}
