using System.Globalization;
using ChatSupport.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>What an erasure removed: rows per table (never any text).</summary>
public sealed record ErasureReport(string ConversationId, IReadOnlyDictionary<string, int> RowsByTable)
{
    public int Total => RowsByTable.Values.Sum();

    /// <summary>"activities=12 state=1 …": the audit detail of an erasure.</summary>
    public string Describe() =>
        string.Join(' ', RowsByTable.Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>What one retention pass removed.</summary>
public sealed record RetentionReport(int Conversations, int LineInboxBodies, int LineOutboxBodies);

/// <summary>
/// Erasure and retention on the embedded store. A conversation is erased from every table that has a
/// <c>conversation_id</c> column (found from the schema, so tables added later are covered too) except the
/// audit log, from the conversation registry and from the bot state of the conversation and its user.
/// The append-only guards of those tables are lifted only inside the erasing transaction. Deleted pages are
/// zeroed (<c>secure_delete</c>); <see cref="CompactAsync"/> then checkpoints the write-ahead log and rebuilds
/// the file, so the text is gone from the database files as well.
/// </summary>
public sealed class SqliteDataLifecycle(SqliteDatabase database, TimeProvider clock) : IDataLifecycle
{
    /// <summary>Tables whose rows stay: the audit log says what happened, never what was written.</summary>
    /// <summary>Removes everything stored for <paramref name="conversationId"/>; with <paramref name="compact"/>, also from the files.</summary>
    public async Task<ErasureReport> EraseConversationAsync(string conversationId, bool compact = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ErasureReport report;
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA secure_delete = ON;", cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            report = await EraseInAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (compact)
        {
            await CompactAsync(cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>
    /// Erases conversations that no counselor holds or waits for and that have been quiet for longer than
    /// <paramref name="keep"/>, and empties the raw LINE event and outbound bodies older than that.
    /// </summary>
    public async Task<RetentionReport> PurgeAsync(TimeSpan keep, CancellationToken cancellationToken = default)
    {
        var cutoff = Stamp(clock.GetUtcNow() - keep);
        var tables = await TablesAsync(cancellationToken).ConfigureAwait(false);
        List<string> expired;
        await using (var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            expired = await DataLifecycleSql.FindExpiredConversationsAsync(connection, cutoff, tables.Contains("handoff_sessions"), cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in expired)
        {
            await EraseConversationAsync(id, compact: false, cancellationToken).ConfigureAwait(false);
        }

        int inbox = 0, outbox = 0;
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA secure_delete = ON;", cancellationToken).ConfigureAwait(false);
            if (tables.Contains("line_inbox"))
            {
                inbox = await ExecuteAsync(connection, null, DataLifecycleSql.EmptyLineInboxBodies, cancellationToken, ("@cutoff", cutoff)).ConfigureAwait(false);
            }

            if (tables.Contains("line_outbox"))
            {
                outbox = await ExecuteAsync(connection, null, DataLifecycleSql.EmptyLineOutboxBodies, cancellationToken, ("@cutoff", cutoff)).ConfigureAwait(false);
            }
        }

        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        return new RetentionReport(expired.Count, inbox, outbox);
    }

    /// <summary>Moves the write-ahead log into the file and empties it, rebuilds the file without free pages, and empties the log again.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken = default)
    {
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "VACUUM;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ErasureReport> EraseInAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        string? channel = null, user = null;
        using (var who = connection.CreateCommand())
        {
            who.Transaction = transaction;
            who.CommandText = "SELECT channel_id, user_id FROM conversations WHERE id = $id;";
            who.Parameters.AddWithValue("$id", conversationId);
            await using var reader = await who.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (channel, user) = (reader.GetString(0), reader.GetString(1));
            }
        }

        foreach (var table in await ConversationTablesAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            rows[table] = await DeleteGuardedAsync(connection, transaction, table, "conversation_id = $id", ("$id", conversationId), cancellationToken).ConfigureAwait(false);
        }

        var stateKeys = await ErasureKeys.StateKeysAsync(channel, user, conversationId, (c, u) => UserHasOtherConversationsAsync(connection, transaction, c, u, conversationId, cancellationToken)).ConfigureAwait(false);

        rows["state"] = 0;
        foreach (var key in stateKeys)
        {
            rows["state"] += await ExecuteAsync(connection, transaction, "DELETE FROM state WHERE key = $key;", cancellationToken, ("$key", key)).ConfigureAwait(false);
        }

        rows["conversations"] = await DeleteGuardedAsync(connection, transaction, "conversations", "id = $id", ("$id", conversationId), cancellationToken).ConfigureAwait(false);
        return new ErasureReport(conversationId, rows);
    }

    private static async Task<bool> UserHasOtherConversationsAsync(SqliteConnection connection, SqliteTransaction transaction, string channel, string user, string conversationId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM conversations WHERE channel_id = $c AND user_id = $u AND id <> $id);";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$id", conversationId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Deletes rows of <paramref name="table"/>, lifting its delete guards (append-only triggers) inside the transaction only.</summary>
    private static async Task<int> DeleteGuardedAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string where, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        var guards = new List<(string Name, string Sql)>();
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $t AND sql LIKE '%BEFORE DELETE%';";
            find.Parameters.AddWithValue("$t", table);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                guards.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in guards)
        {
            await ExecuteAsync(connection, transaction, $"DROP TRIGGER \"{name}\";", cancellationToken).ConfigureAwait(false);
        }

        var deleted = await ExecuteAsync(connection, transaction, $"DELETE FROM \"{table}\" WHERE {where};", cancellationToken, parameter).ConfigureAwait(false);
        foreach (var (_, sql) in guards)
        {
            await ExecuteAsync(connection, transaction, sql + ";", cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    private static async Task<List<string>> ConversationTablesAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT DISTINCT m.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND p.name = 'conversation_id' ORDER BY m.name;
            """;
        return await DataLifecycleSql.ErasableTablesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<string>> TablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        return new HashSet<string>(await DataLifecycleSql.ReadTextColumnAsync(command, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
