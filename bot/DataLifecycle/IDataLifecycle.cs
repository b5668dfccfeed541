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

/// <summary>What the two stores' erasures share: which state rows belong to a conversation.</summary>
internal static class ErasureKeys
{
    /// <summary>
    /// The state keys of <paramref name="conversationId"/>: its conversation state and, when the person has no other
    /// conversation on that channel, their user state. Without a conversation record, every channel's conversation key.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StateKeysAsync(string? channel, string? user, string conversationId, Func<string, string, Task<bool>> userHasOtherConversations)
    {
        if (channel is null)
        {
            return [.. new[] { "directline", "line" }.Select(c => $"{c}/conversations/{conversationId}")];
        }

        var keys = new List<string> { $"{channel}/conversations/{conversationId}" };
        if (user is not null && !await userHasOtherConversations(channel, user).ConfigureAwait(false))
        {
            keys.Add($"{channel}/users/{user}");
        }

        return keys;
    }
}
