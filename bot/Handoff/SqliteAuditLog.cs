using System.Globalization;
using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff;

/// <summary>The audit trail in SQLite; triggers refuse any update or delete.</summary>
public sealed class SqliteAuditLog(StoreDatabase database, TimeProvider clock) : IAuditLog
{
    public async Task AppendAsync(string actor, string action, string? conversationId, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_log (at, actor, action, conversation_id, detail) VALUES ($at, $actor, $action, $conversation, $detail);";
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$conversation", (object?)conversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? beforeId = null, string? conversationId = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditEntry>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, actor, action, conversation_id, detail FROM audit_log
            WHERE (CAST($before AS BIGINT) IS NULL OR id < $before) AND (CAST($conversation AS TEXT) IS NULL OR conversation_id = $conversation)
            ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$before", (object?)beforeId ?? DBNull.Value);
        command.Parameters.AddWithValue("$conversation", (object?)conversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }
}
