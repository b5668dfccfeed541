using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.State;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>Bot state in SQLite with optimistic concurrency: the version column is the ETag.</summary>
public sealed class SqliteStorage(StoreDatabase database) : IStorage
{
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            var command = session.Command("SELECT data, version FROM state WHERE key = $key;");
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // The stored text is what WriteAsync wrote: Data.ToJsonString() of the state saved, so the same text
                // as the parsed tree gives back (BotState compares it with the state at the end of the turn). It is
                // handed over as text; the tree is parsed from it only if asked for (StoreItem.Data), and a turn
                // reads its properties from the text. Anything but an object is read as before (an empty state).
                var json = reader.GetString(0);
                var version = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
                result[key] = json.StartsWith('{')
                    ? StoreItem.FromJson(json, version)
                    : JsonNode.Parse(json) is JsonObject data ? new StoreItem(data, version) { Json = json } : new StoreItem([], version);
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, item) in changes)
        {
            DbCommand command;
            if (item.ETag is null or "*")
            {
                command = session.Command(
                    """
                    INSERT INTO state (key, data, version) VALUES ($key, $data, 1)
                    ON CONFLICT (key) DO UPDATE SET data = excluded.data, version = state.version + 1
                    RETURNING version;
                    """,
                    transaction);
            }
            else if (item.ETag == StoreItem.Absent)
            {
                command = session.Command("INSERT INTO state (key, data, version) VALUES ($key, $data, 1) ON CONFLICT (key) DO NOTHING RETURNING version;", transaction);
            }
            else
            {
                if (!long.TryParse(item.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
                {
                    throw new StorageConcurrencyException(key);
                }

                command = session.Command("UPDATE state SET data = $data, version = version + 1 WHERE key = $key AND version = $expected RETURNING version;", transaction);
                command.Parameters.AddWithValue("$expected", expected);
            }

            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$data", item.Json ?? item.Data.ToJsonString());

            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (version is null)
            {
                throw new StorageConcurrencyException(key);
            }

            etags[key] = Convert.ToInt64(version, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    /// <summary>
    /// Deletes the keys, all or none. Like every writer of the store it first queues on
    /// <see cref="StoreDatabase.EnterWriteAsync"/>: a delete that wrote past the queue would meet the current writer's
    /// lock inside SQLite, where the driver waits by putting a thread-pool thread to sleep (and fails with "database is
    /// locked" after its timeout), and a queued writer that met the delete's lock would sleep the same way while
    /// holding the queue, stalling every turn's writes behind it.
    /// </summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return;
        }

        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            var command = session.Command("DELETE FROM state WHERE key = $key;", transaction);
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
