namespace ChatSupport.Bot.DataLifecycle;

/// <summary>Erasure of one conversation and the retention pass, on whichever store the service uses.</summary>
public interface IDataLifecycle
{
    /// <summary>Removes everything stored for <paramref name="conversationId"/>; with <paramref name="compact"/>, also from the files.</summary>
    Task<ErasureReport> EraseConversationAsync(string conversationId, bool compact = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases conversations that no counselor holds or waits for and that have been quiet for longer than
    /// <paramref name="keep"/>, and empties the raw LINE event and outbound bodies older than that.
    /// </summary>
    Task<RetentionReport> PurgeAsync(TimeSpan keep, CancellationToken cancellationToken = default);
}
