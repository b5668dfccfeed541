using ChatSupport.BotKit.Activities;

namespace ChatSupport.Domain.Storage;

/// <summary>Who wrote an activity, seen from the service.</summary>
public enum TranscriptDirection
{
    /// <summary>From the person (or their client).</summary>
    Inbound,

    /// <summary>From the bot or a counselor to the person.</summary>
    Outbound,
}

/// <summary>One stored activity. <see cref="Sequence"/> starts at 1 and has no gaps within a conversation.</summary>
public sealed record TranscriptEntry(string ConversationId, long Sequence, TranscriptDirection Direction, Activity Activity, DateTimeOffset StoredAt);

/// <summary>
/// The append-only transcript of every conversation: every inbound and outbound activity, in the
/// order the service accepted them. Nothing is ever updated or deleted through this port.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends the activity durably and returns its sequence number. The activity's <c>id</c> and
    /// <c>timestamp</c> are set from the store (id = "{conversationId}|{sequence:D7}").
    /// </summary>
    Task<TranscriptEntry> AppendAsync(string conversationId, TranscriptDirection direction, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Entries with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The last sequence number of the conversation, 0 when it has none.</summary>
    Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>A conversation the service knows: where it came from and who the person is on that channel.</summary>
public sealed record ConversationRecord(string Id, string ChannelId, string UserId, DateTimeOffset CreatedAt);

public interface IConversationStore
{
    /// <summary>Creates the conversation; returns false (and changes nothing) if it exists.</summary>
    Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken = default);

    Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken = default);
}

public static class TranscriptIds
{
    public static string ActivityId(string conversationId, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");
}
