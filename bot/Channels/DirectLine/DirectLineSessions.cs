using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>Where an activity was stored: its sequence in the conversation and the id it was given.</summary>
public readonly record struct StoredActivity(long Sequence, string Id);

/// <summary>One inbound message stored but not yet answered.</summary>
public sealed record PendingTurn(string ConversationId, long Sequence, DateTimeOffset StoredAt);

/// <summary>
/// What Direct Line keeps beyond the transcript. Revoked conversations: after a quick exit every token of the
/// conversation is refused, on every node (tokens are self-contained, so the refusal is kept in the store).
/// Pending turns: an inbound message is stored together with a pending mark in one transaction and the mark is
/// removed when its turn has run, so a message stored just before a crash is answered after the restart.
/// </summary>
public sealed class DirectLineSessions(StoreDatabase database, SqliteTranscriptStore transcript, TimeProvider clock)
{
    // Turns this node is running, by message: Stored while the message's pending mark is in the store, Cleared once
    // a reply removed it in the reply's own transaction (then the turn's end writes nothing).
    private readonly ConcurrentDictionary<(string, long), byte> _inFlight = new();
    private const byte Stored = 0;
    private const byte Cleared = 1;

    // Revocations are rare and permanent: a positive answer is remembered on this node.
    private readonly ConcurrentDictionary<string, byte> _revokedHere = new(StringComparer.Ordinal);

    public async Task RevokeAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
            var command = session.Command("""
                INSERT INTO directline_revoked (conversation_id, revoked_at) VALUES ($conversation, $at)
                ON CONFLICT (conversation_id) DO NOTHING;
                """);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _revokedHere[conversationId] = 0;
    }

    public async Task<bool> IsRevokedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (_revokedHere.ContainsKey(conversationId))
        {
            return true;
        }

        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("SELECT COUNT(*) FROM directline_revoked WHERE conversation_id = $conversation;");
        command.Parameters.AddWithValue("$conversation", conversationId);
        var revoked = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (revoked)
        {
            _revokedHere[conversationId] = 0;
        }

        return revoked;
    }

    /// <summary>
    /// The conversation's record (null when it was never started) and whether it was revoked, in one query: every
    /// Direct Line request needs both, and one round trip instead of two is a visible part of a turn's cost.
    /// </summary>
    public async Task<(ConversationRecord? Conversation, bool Revoked)> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var revokedHere = _revokedHere.ContainsKey(conversationId);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("""
            SELECT (SELECT COUNT(*) FROM directline_revoked WHERE conversation_id = $conversation),
                   c.channel_id, c.user_id, c.created_at
            FROM (SELECT 1 AS one) AS probe LEFT JOIN conversations c ON c.id = $conversation;
            """);
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (null, revokedHere);
        }

        var revoked = revokedHere || Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) > 0;
        if (revoked)
        {
            _revokedHere[conversationId] = 0;
        }

        var conversation = reader.IsDBNull(1)
            ? null
            : new ConversationRecord(
                conversationId,
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        return (conversation, revoked);
    }

    /// <summary>
    /// What the polling GET needs, in one statement: <see cref="FindAsync"/>'s answer and the conversation's stored
    /// activities after <paramref name="afterSequence"/> (at most <paramref name="limit"/>, in order) as their stored
    /// text. The activities are read whatever the answer; the caller serves them only to a caller it admits.
    /// </summary>
    public async Task<(ConversationRecord? Conversation, bool Revoked, IReadOnlyList<StoredActivityText> Activities)> FindWithActivitiesAsync(
        string conversationId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        var revokedHere = _revokedHere.ContainsKey(conversationId);
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command(FindWithActivitiesSql.For(limit));
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$after", afterSequence);
        var revoked = revokedHere;
        ConversationRecord? conversation = null;
        var activities = new List<StoredActivityText>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) == 0)
            {
                revoked |= Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) > 0;
                conversation = reader.IsDBNull(2)
                    ? null
                    : new ConversationRecord(
                        conversationId,
                        reader.GetString(2),
                        reader.GetString(3),
                        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                continue;
            }

            // SQLite hands over the stored UTF-8 bytes of a TEXT value as they are; other engines give a string.
            var text = reader is SqliteDataReader sqlite ? sqlite.GetFieldValue<byte[]>(3) : Encoding.UTF8.GetBytes(reader.GetString(3));
            activities.Add(new StoredActivityText(reader.GetInt64(1), text));
        }

        if (revoked)
        {
            _revokedHere[conversationId] = 0;
        }

        return (conversation, revoked, activities);
    }

    // The page size is written into the SQL as a number: SQLite compiles a statement again before every run after a
    // LIMIT parameter is bound (the planner used its value), which a kept statement would pay on every poll.
    private static readonly SqlWithLimit FindWithActivitiesSql = new("""
        SELECT 0 AS kind, (SELECT COUNT(*) FROM directline_revoked WHERE conversation_id = $conversation) AS n,
               c.channel_id AS a, c.user_id AS b, c.created_at AS t
        FROM (SELECT 1 AS one) AS probe LEFT JOIN conversations c ON c.id = $conversation
        UNION ALL
        SELECT 1, page.seq, NULL, page.activity, NULL
        FROM (SELECT seq, activity FROM activities WHERE conversation_id = $conversation AND seq > $after ORDER BY seq LIMIT {limit}) AS page
        ORDER BY kind, n;
        """);

    /// <summary>Stores the person's message and marks its turn pending, in one transaction.</summary>
    public async Task<StoredActivity> AppendPendingAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        var sequence = await transcript.AppendWithoutCopyAsync(conversationId, TranscriptDirection.Inbound, activity, cancellationToken, pending: true).ConfigureAwait(false);
        _inFlight[(conversationId, sequence)] = Stored;
        return new StoredActivity(sequence, activity.Id!);
    }

    /// <summary>
    /// Stores a reply of the bot. The first reply to a message whose turn this node is running also removes the
    /// message's pending mark, in the same transaction: a stored reply is what makes a message answered (the recovery
    /// after a crash judges it the same way and never answers it twice), so one write fewer per turn changes no
    /// outcome of a crash.
    /// </summary>
    public async Task<StoredActivity> AppendReplyAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        long? answers = AnsweredSequence(conversationId, activity.ReplyToId) is { } sequence
            && _inFlight.TryGetValue((conversationId, sequence), out var state) && state == Stored
                ? sequence
                : null;
        var stored = await transcript.AppendWithoutCopyAsync(conversationId, TranscriptDirection.Outbound, activity, cancellationToken, pending: false, clearsPending: answers).ConfigureAwait(false);
        if (answers is { } cleared)
        {
            _inFlight.TryUpdate((conversationId, cleared), Cleared, Stored);
        }

        return new StoredActivity(stored, activity.Id!);
    }

    /// <summary>The sequence of the stored message that a reply's <c>replyToId</c> names in this conversation, if it names one.</summary>
    internal static long? AnsweredSequence(string conversationId, string? replyToId)
    {
        if (replyToId is null || replyToId.Length <= conversationId.Length + 1
            || !replyToId.StartsWith(conversationId, StringComparison.Ordinal) || replyToId[conversationId.Length] != '|')
        {
            return null;
        }

        return long.TryParse(replyToId.AsSpan(conversationId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && TranscriptIds.ActivityId(conversationId, sequence) == replyToId
                ? sequence
                : null;
    }

    /// <summary>The turn of a stored message has run (answered, or failed and told the person so).</summary>
    public async Task CompleteAsync(string conversationId, long sequence, CancellationToken cancellationToken = default)
    {
        if (_inFlight.TryGetValue((conversationId, sequence), out var state) && state == Cleared)
        {
            // A reply already removed the mark with its own transaction.
            _inFlight.TryRemove((conversationId, sequence), out _);
            return;
        }

        using (await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
            var command = session.Command("DELETE FROM directline_pending WHERE conversation_id = $conversation AND seq = $seq;");
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$seq", sequence);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _inFlight.TryRemove((conversationId, sequence), out _);
    }

    /// <summary>
    /// Pending turns that no turn of this node is running, oldest first; on a shared database (PostgreSQL) only those
    /// older than <paramref name="staleAfter"/>, since another node may still be running them.
    /// </summary>
    public async Task<IReadOnlyList<PendingTurn>> OrphanedAsync(TimeSpan staleAfter, int limit, CancellationToken cancellationToken = default)
    {
        var shared = database is not SqliteDatabase;
        var before = clock.GetUtcNow() - staleAfter;
        await using var session = await database.RentAsync(cancellationToken).ConfigureAwait(false);
        var command = session.Command("SELECT conversation_id, seq, stored_at FROM directline_pending ORDER BY stored_at, conversation_id, seq LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<PendingTurn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var turn = new PendingTurn(
                reader.GetString(0),
                reader.GetInt64(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            if (!_inFlight.ContainsKey((turn.ConversationId, turn.Sequence)) && (!shared || turn.StoredAt < before))
            {
                result.Add(turn);
            }
        }

        return result;
    }

    /// <summary>Claims a recovered turn for this node's run (false when a turn of this node already runs it).</summary>
    internal bool TryStartRecovered(PendingTurn turn) => _inFlight.TryAdd((turn.ConversationId, turn.Sequence), Stored);
}
