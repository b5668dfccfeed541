using System.Threading.RateLimiting;
using ChatSupport.Bot.ConsoleAccess;

namespace ChatSupport.Bot.Handoff.Accounts;

/// <summary>
/// Per-client throttling of console sign-in (ASP.NET Core's token-bucket limiter, one bucket per client
/// address): each failed sign-in takes a token; while a client has none left, every sign-in from it is
/// refused before any password is checked. Successful sign-ins cost nothing, so a team behind one
/// address signing in each morning is never slowed. Works beside the per-account lockout.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.SignInFailuresPerClient),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, options.SignInFailuresPerClientPerMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Seconds to wait before the next try when <paramref name="client"/> has used up its failures; null when it may try now.</summary>
    public int? RetryAfterSeconds(string client) =>
        _failures.GetStatistics(client) is { CurrentAvailablePermits: <= 0 } ? 60 : null;

    /// <summary>Counts a failed sign-in against <paramref name="client"/>.</summary>
    public void RecordFailure(string client)
    {
        using var lease = _failures.AttemptAcquire(client);
    }

    public static string ClientOf(HttpContext http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _failures.Dispose();
}
