using System.Globalization;

namespace ChatSupport.Bot.Storage;

/// <summary>
/// Leases on background work in the shared database, so that work which must run once (processing the LINE inbox,
/// sending its retries, the long-wait notices) runs on one node at a time while every node can take it over:
/// a lease names its holder and an expiry; the holder renews it every round, and when a node dies its lease
/// expires and another node takes the work at its next round. On one SQLite node the lease is always granted.
/// </summary>
public sealed class WorkLeases(StoreDatabase database, TimeProvider clock)
{
    /// <summary>This process's holder id (host name and a random part, so two processes on one host differ).</summary>
    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes or renews the lease <paramref name="name"/> for <paramref name="duration"/>; false while another live node holds it.</summary>
    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (database is Sqlite.SqliteDatabase)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO work_leases (name, holder, expires_at) VALUES ($name, $holder, $until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE work_leases.holder = excluded.holder OR work_leases.expires_at < $now
            RETURNING holder;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$holder", NodeId);
        command.Parameters.AddWithValue("$until", Format(now + duration));
        command.Parameters.AddWithValue("$now", Format(now));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string holder && holder == NodeId;
    }

    /// <summary>Gives the lease up (at a clean stop) so another node can take the work at once.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM work_leases WHERE name = $name AND holder = $holder;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$holder", NodeId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
