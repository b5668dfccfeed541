using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChatSupport.Bot.Storage;
using ChatSupport.HandoffConsole;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>
/// Console sessions kept on the server. Every cookie and bearer token carries a session id claim; a
/// request is signed in only while its session exists, is not revoked, has not passed its absolute end
/// (<see cref="ConsoleOptions.SessionLifetime"/> after sign-in, however active the counselor is) and its
/// account is not disabled. Only a SHA-256 of the id is stored.
/// </summary>
public sealed class ConsoleSessions(StoreDatabase database, TimeProvider clock)
{
    /// <summary>The claim that names the session in the cookie and the bearer token.</summary>
    public const string SessionClaim = ConsolePolicies.SessionClaim;

    /// <summary>Starts a session for <paramref name="userName"/>; returns its id (for the claim).</summary>
    public async Task<string> StartAsync(string userName, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO console_sessions (id_hash, user_name, created_at, expires_at) VALUES ($id, $u, $at, $until);";
        command.Parameters.AddWithValue("$id", Hash(id));
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$at", Stamp(now));
        command.Parameters.AddWithValue("$until", Stamp(now + lifetime));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>The session id claim of a principal, or null.</summary>
    public static string? SessionId(ClaimsPrincipal? principal) => principal?.FindFirst(SessionClaim)?.Value;

    /// <summary>True while the principal's session is live (see the class remarks).</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        var id = SessionId(principal);
        var user = principal?.Identity?.Name;
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(user))
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (
                SELECT 1 FROM console_sessions s JOIN console_accounts a ON a.user_name = s.user_name
                WHERE s.id_hash = $id AND s.user_name = $u AND s.revoked_at IS NULL AND s.expires_at > $now AND a.disabled = 0);
            """;
        command.Parameters.AddWithValue("$id", Hash(id));
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$now", Stamp(clock.GetUtcNow()));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Ends the principal's session now: its cookie and its bearer token stop working everywhere.</summary>
    public async Task RevokeAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (SessionId(principal) is not { } id)
        {
            return;
        }

        await ExecuteAsync("UPDATE console_sessions SET revoked_at = $now WHERE id_hash = $key AND revoked_at IS NULL;", Hash(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every session of <paramref name="userName"/> (account disabled, password changed).</summary>
    public Task<int> RevokeAllAsync(string userName, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE console_sessions SET revoked_at = $now WHERE user_name = $key AND revoked_at IS NULL;", userName, cancellationToken);

    private async Task<int> ExecuteAsync(string sql, string key, CancellationToken cancellationToken)
    {
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", Stamp(clock.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
