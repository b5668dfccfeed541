using System.Data.Common;
using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.DataLifecycle;

/// <summary>
/// What retention removes, written once for both stores (the SQL runs unchanged on SQLite and PostgreSQL; the
/// parameter <c>@cutoff</c> is the ISO 8601 UTC time before which data is old enough).
/// </summary>
internal static class RetentionQueries
{
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
        var expired = new List<string>();
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            expired.Add(reader.GetString(0));
        }

        return expired;
    }
}
