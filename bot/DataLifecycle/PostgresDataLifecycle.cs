using System.Globalization;
using ChatSupport.Bot.Storage.Postgres;
using Npgsql;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>
/// Erasure and retention on PostgreSQL, with the same reach as <see cref="SqliteDataLifecycle"/>: every table with a
/// <c>conversation_id</c> column (found from the catalogue, so later tables are covered) except the audit log, the
/// conversation registry and the bot state. The append-only triggers of a table are disabled only inside the erasing
/// transaction (PostgreSQL's DDL is transactional: if anything fails they stay on). Afterwards the touched tables are
/// vacuumed, so the dead rows leave the tables and their indexes. What PostgreSQL cannot promise from here: copies in
/// the write-ahead log until it is recycled, in WAL archives and in backups — those follow the operator's backup policy.
/// </summary>
public sealed class PostgresDataLifecycle(PostgresDatabase database, TimeProvider clock) : IDataLifecycle
{
    public async Task<ErasureReport> EraseConversationAsync(string conversationId, bool compact = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var tables = await ConversationTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            string? channel = null, user = null;
            await using (var who = new NpgsqlCommand("SELECT channel_id, user_id FROM conversations WHERE id = @id;", connection, transaction))
            {
                who.Parameters.AddWithValue("id", conversationId);
                await using var reader = await who.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    (channel, user) = (reader.GetString(0), reader.GetString(1));
                }
            }

            foreach (var table in tables)
            {
                rows[table] = await DeleteGuardedAsync(connection, transaction, table, "conversation_id", conversationId, cancellationToken).ConfigureAwait(false);
            }

            var stateKeys = await ErasureKeys.StateKeysAsync(channel, user, conversationId, (c, u) => UserHasOtherConversationsAsync(connection, transaction, c, u, conversationId, cancellationToken)).ConfigureAwait(false);

            rows["state"] = 0;
            foreach (var key in stateKeys)
            {
                await using var delete = new NpgsqlCommand("DELETE FROM state WHERE key = @key;", connection, transaction);
                delete.Parameters.AddWithValue("key", key);
                rows["state"] += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            rows["conversations"] = await DeleteGuardedAsync(connection, transaction, "conversations", "id", conversationId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (compact)
        {
            await VacuumAsync(connection, rows.Where(r => r.Value > 0).Select(r => r.Key), cancellationToken).ConfigureAwait(false);
        }

        return new ErasureReport(conversationId, rows);
    }

    public async Task<RetentionReport> PurgeAsync(TimeSpan keep, CancellationToken cancellationToken = default)
    {
        var cutoff = (clock.GetUtcNow() - keep).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var expired = await DataLifecycleSql.FindExpiredConversationsAsync(connection, cutoff, handoffTable: true, cancellationToken).ConfigureAwait(false);

        foreach (var id in expired)
        {
            await EraseConversationAsync(id, compact: false, cancellationToken).ConfigureAwait(false);
        }

        int inbox, outbox;
        await using (var bodies = new NpgsqlCommand(DataLifecycleSql.EmptyLineInboxBodies, connection))
        {
            bodies.Parameters.AddWithValue("cutoff", cutoff);
            inbox = await bodies.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var bodies = new NpgsqlCommand(DataLifecycleSql.EmptyLineOutboxBodies, connection))
        {
            bodies.Parameters.AddWithValue("cutoff", cutoff);
            outbox = await bodies.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var touched = expired.Count > 0
            ? (await ConversationTablesAsync(connection, cancellationToken).ConfigureAwait(false)).Concat(["state", "conversations"])
            : [];
        await VacuumAsync(connection, touched.Concat(inbox > 0 ? ["line_inbox"] : []).Concat(outbox > 0 ? ["line_outbox"] : []).Distinct(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        return new RetentionReport(expired.Count, inbox, outbox);
    }

    private static async Task<List<string>> ConversationTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.column_name = 'conversation_id' AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name;
            """,
            connection);
        return await DataLifecycleSql.ErasableTablesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes rows, with the table's own triggers (the append-only guards) off inside this transaction only.</summary>
    private static async Task<int> DeleteGuardedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string column, string value, CancellationToken cancellationToken)
    {
        var quoted = Quote(table);
#pragma warning disable CA2100 // table and column names come from the catalogue, quoted; the value is a parameter
        await using (var off = new NpgsqlCommand($"ALTER TABLE {quoted} DISABLE TRIGGER USER;", connection, transaction))
        {
            await off.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int deleted;
        await using (var delete = new NpgsqlCommand($"DELETE FROM {quoted} WHERE {Quote(column)} = @value;", connection, transaction))
        {
            delete.Parameters.AddWithValue("value", value);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var on = new NpgsqlCommand($"ALTER TABLE {quoted} ENABLE TRIGGER USER;", connection, transaction))
        {
            await on.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning restore CA2100

        return deleted;
    }

    private static async Task<bool> UserHasOtherConversationsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string channel, string user, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM conversations WHERE channel_id = @c AND user_id = @u AND id <> @id);", connection, transaction);
        command.Parameters.AddWithValue("c", channel);
        command.Parameters.AddWithValue("u", user);
        command.Parameters.AddWithValue("id", conversationId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Plain VACUUM (no long lock): removes the dead rows from the tables' pages and from their indexes.</summary>
    private static async Task VacuumAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // a catalogue table name, quoted
            await using var vacuum = new NpgsqlCommand($"VACUUM {Quote(table)};", connection);
#pragma warning restore CA2100
            await vacuum.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
