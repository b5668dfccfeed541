using System.Data.Common;
using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>
/// What erasure reaches and retention removes, written once for both stores (the SQL runs unchanged on SQLite and
/// PostgreSQL; the parameter <c>@cutoff</c> is the ISO 8601 UTC time before which data is old enough).
/// </summary>
internal static class DataLifecycleSql
{
    /// <summary>Tables with a <c>conversation_id</c> that erasure leaves alone: the audit log (it records the erasure, never text).</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "audit_log" };

    /// <summary>Empties raw LINE webhook bodies older than the cutoff that are done with.</summary>
    public const string EmptyLineInboxBodies = "UPDATE line_inbox SET event = '{}' WHERE received_at < @cutoff AND state <> 'pending' AND event <> '{}';";

    /// <summary>Empties LINE outbound bodies older than the cutoff that are done with.</summary>
    public const string EmptyLineOutboxBodies = "UPDATE line_outbox SET messages = '[]' WHERE created_at < @cutoff AND state <> 'pending' AND messages <> '[]';";

    /// <summary>
    /// The conversations quiet since before the cutoff (their newest activity, or their start) that no counselor holds
    /// or waits for. <paramref name="handoffTable"/> is false on a store without the handoff's tables.
    /// </summary>
    public static async Task<List<string>> FindExpiredConversationsAsync(DbConnection connection, string cutoff, bool handoffTable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var find = connection.CreateCommand();
        find.CommandText = $"""
            SELECT c.id FROM conversations c
            WHERE COALESCE((SELECT MAX(a.stored_at) FROM activities a WHERE a.conversation_id = c.id), c.created_at) < @cutoff
            {(handoffTable ? "AND NOT EXISTS (SELECT 1 FROM handoff_sessions h WHERE h.conversation_id = c.id AND h.state IN ('waiting', 'counselor'))" : string.Empty)};
            """;
        find.Parameters.AddWithValue("@cutoff", cutoff);
        return await ReadTextColumnAsync(find, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tables erasure reaches, from <paramref name="catalogue"/>: a query of the tables with a <c>conversation_id</c> column.</summary>
    public static async Task<List<string>> ErasableTablesAsync(DbCommand catalogue, CancellationToken cancellationToken) =>
        [.. (await ReadTextColumnAsync(catalogue, cancellationToken).ConfigureAwait(false)).Where(name => !Kept.Contains(name))];

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> ReadTextColumnAsync(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
