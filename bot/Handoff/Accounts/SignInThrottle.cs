using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Scale;

namespace ChatSupport.Bot.Handoff.Accounts;

/// <summary>
/// Per-client throttling of console sign-in (a token bucket per client address): each failed sign-in takes a token;
/// while a client has none left, every sign-in from it is refused before any password is checked. Successful
/// sign-ins cost nothing, so a team behind one address signing in each morning is never slowed. Works beside the
/// per-account lockout. With Redis (<c>ChatSupport:Redis:Configuration</c>) the buckets are shared by every node
/// (<see cref="SharedRateLimits"/>), so a client guessing through a load balancer gets its failures once, not once
/// per node; without Redis, or while it does not answer, each node counts on its own.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    /// <summary>What <c>Retry-After</c> says to a refused client.</summary>
    public const int RetryAfterSecondsWhenRefused = 60;

    private readonly SharedRateLimits.KeyedBuckets _failures;

    public SignInThrottle(SharedRateLimits limits, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(options);
        _failures = limits.Buckets("signin-failures", options.SignInFailuresPerClient, options.SignInFailuresPerClientPerMinute);
    }

    /// <summary>Seconds to wait before the next try when <paramref name="client"/> has used up its failures; null when it may try now.</summary>
    public async Task<int?> RetryAfterSecondsAsync(string client) =>
        await _failures.HasTokenAsync(client).ConfigureAwait(false) ? null : RetryAfterSecondsWhenRefused;

    /// <summary>Counts a failed sign-in against <paramref name="client"/>.</summary>
    public Task RecordFailureAsync(string client) => _failures.TakeAsync(client);

    public static string ClientOf(HttpContext http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _failures.Dispose();
}
