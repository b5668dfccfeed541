using System.Data.Common;
using System.Globalization;
using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>One webhook event to store: its id (for de-duplication), the conversation it belongs to ("" when not a one-on-one chat) and its JSON exactly as received.</summary>
public sealed record LineInboxItem(string WebhookEventId, string ConversationId, string EventJson);

/// <summary>A stored webhook event waiting to be processed.</summary>
public sealed record LineInboxEvent(long Seq, string WebhookEventId, string ConversationId, string EventJson, DateTimeOffset ReceivedAt, int Attempts, long? TranscriptSeq);

/// <summary>Up to five LINE message objects to send in one call; the reply token is used only before its deadline.</summary>
public sealed record LineOutboxDraft(string MessagesJson, string? ReplyToken, DateTimeOffset? ReplyDeadline);

/// <summary>A stored outbound call. <see cref="RetryKey"/> is the <c>X-Line-Retry-Key</c> of every push attempt of this row.</summary>
public sealed record LineOutboxItem(long Id, string ConversationId, string MessagesJson, string RetryKey, string? ReplyToken, DateTimeOffset? ReplyDeadline, bool ReplyAttempted, int Attempts);

/// <summary>A LINE user known to the service (the id is needed to push; it never leaves this table in clear).</summary>
/// <summary>An event (<c>event</c>) or a send (<c>send</c>) that gave up; no body.</summary>
public sealed record LineFailure(string Kind, long Id, string ConversationId, DateTimeOffset At, int Attempts);

public sealed record LineUser(string ConversationId, string LineUserId, bool Following, string? MarkAsReadToken);

public enum LineInboxState
{
    Done,
    Skipped,
    Failed,
}

/// <summary>The LINE channel's tables in the service's SQLite file: inbox, users, outbox.</summary>
public sealed class LineStore(StoreDatabase database)
{
    /// <summary>Stores the events in one transaction; an event whose webhookEventId is already stored is ignored. Returns how many were new.</summary>
    public async Task<int> StoreEventsAsync(IReadOnlyList<LineInboxItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO line_inbox (webhook_event_id, conversation_id, event, received_at) VALUES ($id, $conversation, $event, $at)
            ON CONFLICT (webhook_event_id) DO NOTHING;
            """;
        var id = command.AddText("$id");
        var conversation = command.AddText("$conversation");
        var json = command.AddText("$event");
        command.Parameters.AddWithValue("$at", Format(receivedAt));
        var stored = 0;
        foreach (var item in items)
        {
            id.Value = item.WebhookEventId;
            conversation.Value = item.ConversationId;
            json.Value = item.EventJson;
            stored += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Pending events, oldest first.</summary>
    public async Task<IReadOnlyList<LineInboxEvent>> PendingEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, webhook_event_id, conversation_id, event, received_at, attempts, transcript_seq
            FROM line_inbox WHERE state = 'pending' ORDER BY seq LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<LineInboxEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LineInboxEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Parse(reader.GetString(4)),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        return result;
    }

    /// <summary>Counts events by state (for tests and diagnostics).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM line_inbox GROUP BY state;";
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }

    public async Task SetTranscriptSeqAsync(long seq, long transcriptSeq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE line_inbox SET transcript_seq = $t WHERE seq = $seq;";
        command.Parameters.AddWithValue("$t", transcriptSeq);
        command.Parameters.AddWithValue("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends an event and queues the turn's messages in one transaction: either both happen or neither.</summary>
    public async Task CompleteEventAsync(long seq, LineInboxState state, string conversationId, IReadOnlyList<LineOutboxDraft> outbox, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertOutboxAsync(connection, transaction, conversationId, seq, outbox, at, cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE line_inbox SET state = $state, processed_at = $at WHERE seq = $seq AND state = 'pending';";
        command.Parameters.AddWithValue("$state", state switch
        {
            LineInboxState.Done => "done",
            LineInboxState.Skipped => "skipped",
            _ => "failed",
        });
        command.Parameters.AddWithValue("$at", Format(at));
        command.Parameters.AddWithValue("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt at an event; returns the attempts so far.</summary>
    public async Task<int> CountEventAttemptAsync(long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE line_inbox SET attempts = attempts + 1 WHERE seq = $seq RETURNING attempts;";
        command.Parameters.AddWithValue("$seq", seq);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Queues messages outside an event's turn (a counselor's message, a proactive notice).</summary>
    public async Task EnqueueAsync(string conversationId, IReadOnlyList<LineOutboxDraft> outbox, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertOutboxAsync(connection, transaction, conversationId, null, outbox, at, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LineOutboxItem>> PendingOutboxAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, conversation_id, messages, retry_key, reply_token, reply_deadline, reply_attempted, attempts
            FROM line_outbox WHERE state = 'pending' AND conversation_id = $conversation ORDER BY id;
            """;
        command.Parameters.AddWithValue("$conversation", conversationId);
        var result = new List<LineOutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LineOutboxItem(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
                reader.GetInt64(6) != 0,
                reader.GetInt32(7)));
        }

        return result;
    }

    /// <summary>Conversations with messages still to send.</summary>
    public async Task<IReadOnlyList<string>> ConversationsWithPendingOutboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id FROM line_outbox WHERE state = 'pending' GROUP BY conversation_id ORDER BY MIN(id);";
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>Recorded before the reply call: after a crash a row whose reply may have gone out is pushed, never replied twice.</summary>
    public Task MarkReplyAttemptedAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE line_outbox SET reply_attempted = 1 WHERE id = $id;", cancellationToken, ("$id", id));

    public Task MarkSentAsync(long id, string method, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE line_outbox SET state = 'sent', method = $method, sent_at = $at WHERE id = $id;", cancellationToken, ("$id", id), ("$method", method), ("$at", Format(at)));

    public Task MarkOutboxFailedAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE line_outbox SET state = 'failed' WHERE id = $id;", cancellationToken, ("$id", id));

    /// <summary>Records a failed delivery attempt; returns the attempts so far.</summary>
    public async Task<int> CountOutboxAttemptAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE line_outbox SET attempts = attempts + 1 WHERE id = $id RETURNING attempts;";
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What gave up, for operators: events that failed <see cref="LineOptions.MaxEventAttempts"/> times and sends that
    /// LINE rejected or that failed <see cref="LineOptions.MaxDeliveryAttempts"/> times. Ids and times only, never a body.
    /// </summary>
    public async Task<IReadOnlyList<LineFailure>> ListFailuresAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT kind, id, conversation_id, at, attempts FROM (
                SELECT 'event' AS kind, seq AS id, conversation_id, received_at AS at, attempts FROM line_inbox WHERE state = 'failed'
                UNION ALL
                SELECT 'send' AS kind, id, conversation_id, created_at AS at, attempts FROM line_outbox WHERE state = 'failed'
            ) failures ORDER BY at, kind, id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<LineFailure>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LineFailure(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), Parse(reader.GetString(3)), reader.GetInt32(4)));
        }

        return result;
    }

    /// <summary>
    /// Puts every failed event and send back in line, with its attempts counted from zero again (so each is retried a
    /// bounded number of times once more). A send is pushed with its stored retry key, never replied to again.
    /// Returns how many events and sends were requeued.
    /// </summary>
    public async Task<(int Events, int Sends)> RequeueFailedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var events = connection.CreateCommand();
        events.Transaction = transaction;
        events.CommandText = "UPDATE line_inbox SET state = 'pending', attempts = 0, processed_at = NULL WHERE state = 'failed';";
        var eventCount = await events.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        using var sends = connection.CreateCommand();
        sends.Transaction = transaction;
        sends.CommandText = "UPDATE line_outbox SET state = 'pending', attempts = 0, reply_attempted = 1 WHERE state = 'failed';";
        var sendCount = await sends.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (eventCount, sendCount);
    }

    /// <summary>The person blocked the account: nothing queued for them is sent.</summary>
    public Task DropPendingOutboxAsync(string conversationId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE line_outbox SET state = 'dropped' WHERE conversation_id = $c AND state = 'pending';", cancellationToken, ("$c", conversationId));

    /// <summary>Counts outbox rows by state (for tests and diagnostics).</summary>
    public async Task<IReadOnlyList<(string State, string? Method, string RetryKey)>> ListOutboxAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, method, retry_key FROM line_outbox WHERE conversation_id = $c ORDER BY id;";
        command.Parameters.AddWithValue("$c", conversationId);
        var result = new List<(string, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    /// <summary>Registers the user, or updates their follow state when <paramref name="following"/> is given.</summary>
    public async Task UpsertUserAsync(string conversationId, string lineUserId, bool? following, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO line_users (conversation_id, line_user_id, following, changed_at) VALUES ($c, $u, COALESCE($f, 1), $at)
            ON CONFLICT (conversation_id) DO UPDATE SET
                following = COALESCE($f, line_users.following),
                changed_at = CASE WHEN $f IS NULL THEN line_users.changed_at ELSE $at END;
            """;
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$u", lineUserId);
        command.Parameters.AddWithValue("$f", following is null ? DBNull.Value : following.Value ? 1 : 0);
        command.Parameters.AddWithValue("$at", Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<LineUser?> FindUserAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line_user_id, following, mark_as_read_token FROM line_users WHERE conversation_id = $c;";
        command.Parameters.AddWithValue("$c", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LineUser(conversationId, reader.GetString(0), reader.GetInt64(1) != 0, reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>Keeps the newest markAsReadToken (marking it as read marks every earlier message too).</summary>
    public Task SetMarkAsReadTokenAsync(string conversationId, string? token, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE line_users SET mark_as_read_token = $t WHERE conversation_id = $c;", cancellationToken, ("$c", conversationId), ("$t", (object?)token ?? DBNull.Value));

    private static async Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, string conversationId, long? inboxSeq, IReadOnlyList<LineOutboxDraft> outbox, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var draft in outbox)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO line_outbox (conversation_id, inbox_seq, messages, retry_key, reply_token, reply_deadline, created_at)
                VALUES ($c, $inbox, $messages, $key, $token, $deadline, $at);
                """;
            insert.Parameters.AddWithValue("$c", conversationId);
            insert.Parameters.AddWithValue("$inbox", inboxSeq is null ? DBNull.Value : inboxSeq.Value);
            insert.Parameters.AddWithValue("$messages", draft.MessagesJson);
            insert.Parameters.AddWithValue("$key", Guid.NewGuid().ToString("D"));
            insert.Parameters.AddWithValue("$token", (object?)draft.ReplyToken ?? DBNull.Value);
            insert.Parameters.AddWithValue("$deadline", draft.ReplyDeadline is { } d ? Format(d) : DBNull.Value);
            insert.Parameters.AddWithValue("$at", Format(at));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
