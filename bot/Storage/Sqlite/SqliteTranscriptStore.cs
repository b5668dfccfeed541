using System.Data.Common;
using System.Globalization;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>The transcript and conversation registry in SQLite. Sequence numbers are assigned inside the insert, so they never collide.</summary>
public sealed class SqliteTranscriptStore(StoreDatabase database, TimeProvider clock) : ITranscriptStore, IConversationStore
{
    public Task<TranscriptEntry> AppendAsync(string conversationId, TranscriptDirection direction, Activity activity, CancellationToken cancellationToken = default) =>
        AppendAsync(conversationId, direction, activity, cancellationToken, pending: false);

    /// <summary>
    /// Appends the activity; with <paramref name="pending"/>, also marks its turn pending (<c>directline_pending</c>)
    /// in the same transaction, so a crash can never leave a stored message that nobody will answer. With
    /// <paramref name="clearsPending"/> (the sequence of the message this activity answers), that message's pending
    /// mark is removed in the same transaction: once a reply is stored the message counts as answered, exactly as
    /// the recovery after a crash judges it, so the turn's end needs no write of its own.
    /// </summary>
    public async Task<TranscriptEntry> AppendAsync(string conversationId, TranscriptDirection direction, Activity activity, CancellationToken cancellationToken, bool pending, long? clearsPending = null)
    {
        var storedAt = clock.GetUtcNow();

        // Serialized once, without its id (the sequence gives it) and with the time it is stored; the entry's copy is
        // parsed from the stored text, so it is exactly what a later read of the transcript gives.
        var json = ActivityJson.SerializeWith(activity, id: null, storedAt);
        var copy = ActivityJson.Deserialize(json);
        var sequence = await WriteAsync(conversationId, direction, activity, json, storedAt, pending, clearsPending, cancellationToken).ConfigureAwait(false);
        copy.Id = activity.Id;
        return new TranscriptEntry(conversationId, sequence, direction, copy, storedAt);
    }

    /// <summary>
    /// <see cref="AppendAsync(string, TranscriptDirection, Activity, CancellationToken, bool, long?)"/> for a caller that
    /// needs only where the activity went: the same row, the same transaction, the same id and time given to
    /// <paramref name="activity"/>, but no parsed copy of the stored text (the Direct Line POST and the bot's replies
    /// use only the sequence and the id).
    /// </summary>
    /// <returns>The activity's sequence in the conversation.</returns>
    public Task<long> AppendWithoutCopyAsync(string conversationId, TranscriptDirection direction, Activity activity, CancellationToken cancellationToken, bool pending, long? clearsPending = null)
    {
        var storedAt = clock.GetUtcNow();
        var json = ActivityJson.SerializeWith(activity, id: null, storedAt);
        return WriteAsync(conversationId, direction, activity, json, storedAt, pending, clearsPending, cancellationToken);
    }

    private async Task<long> WriteAsync(string conversationId, TranscriptDirection direction, Activity activity, string json, DateTimeOffset storedAt, bool pending, long? clearsPending, CancellationToken cancellationToken)
    {
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var connection = session.Connection;
        long sequence;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

                // Appends to one conversation take turns across nodes (PostgreSQL), so MAX(seq) + 1 cannot collide;
                // the retry below stays as a safety net.
                await database.LockKeyAsync(connection, transaction, "activities:" + conversationId, cancellationToken).ConfigureAwait(false);
                sequence = await InsertAsync(session, transaction, conversationId, direction, json, storedAt, cancellationToken).ConfigureAwait(false);
                if (pending)
                {
                    var mark = session.Command("INSERT INTO directline_pending (conversation_id, seq, stored_at) VALUES ($conversation, $seq, $storedAt);", transaction);
                    mark.Parameters.AddWithValue("$conversation", conversationId);
                    mark.Parameters.AddWithValue("$seq", sequence);
                    mark.Parameters.AddWithValue("$storedAt", storedAt.ToString("O", CultureInfo.InvariantCulture));
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (clearsPending is { } answered)
                {
                    var clear = session.Command("DELETE FROM directline_pending WHERE conversation_id = $conversation AND seq = $seq;", transaction);
                    clear.Parameters.AddWithValue("$conversation", conversationId);
                    clear.Parameters.AddWithValue("$seq", answered);
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DbException ex) when (attempt < MaxAppendAttempts && database.IsUniqueViolation(ex))
            {
                // Another node appended to the same conversation at the same moment and took this number: take the next.
            }
        }

        activity.Id = TranscriptIds.ActivityId(conversationId, sequence);
        activity.Timestamp = storedAt;
        return sequence;
    }

    private const int MaxAppendAttempts = 20;

    private static async Task<long> InsertAsync(StoreSession session, DbTransaction transaction, string conversationId, TranscriptDirection direction, string json, DateTimeOffset storedAt, CancellationToken cancellationToken)
    {
        var command = session.Command(
            """
            INSERT INTO activities (conversation_id, seq, direction, activity, stored_at)
            SELECT $conversation, COALESCE(MAX(seq), 0) + 1, $direction, $activity, $storedAt
            FROM activities WHERE conversation_id = $conversation
            RETURNING seq;
            """,
            transaction);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$direction", direction == TranscriptDirection.Inbound ? "in" : "out");
        command.Parameters.AddWithValue("$activity", json);
        command.Parameters.AddWithValue("$storedAt", storedAt.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        var entries = new List<TranscriptEntry>();
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command(ReadSql.For(limit));
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            var activity = ActivityJson.Deserialize(reader.GetString(2));
            activity.Id = TranscriptIds.ActivityId(conversationId, sequence);
            entries.Add(new TranscriptEntry(
                conversationId,
                sequence,
                reader.GetString(1) == "in" ? TranscriptDirection.Inbound : TranscriptDirection.Outbound,
                activity,
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return entries;
    }

    // The limit is written into the SQL as a number, not bound: see SqlWithLimit.
    private static readonly SqlWithLimit ReadSql = new("""
        SELECT seq, direction, activity, stored_at FROM activities
        WHERE conversation_id = $conversation AND seq > $after
        ORDER BY seq LIMIT {limit};
        """);

    public async Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("SELECT COALESCE(MAX(seq), 0) FROM activities WHERE conversation_id = $conversation;");
        command.Parameters.AddWithValue("$conversation", conversationId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken = default)
    {
        using var write = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("""
            INSERT INTO conversations (id, channel_id, user_id, created_at) VALUES ($id, $channel, $user, $at)
            ON CONFLICT (id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$channel", conversation.ChannelId);
        command.Parameters.AddWithValue("$user", conversation.UserId);
        command.Parameters.AddWithValue("$at", conversation.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("SELECT channel_id, user_id, created_at FROM conversations WHERE id = $id;");
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ConversationRecord(
            conversationId,
            reader.GetString(0),
            reader.GetString(1),
            DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
