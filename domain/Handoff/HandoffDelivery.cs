using ChatSupport.BotKit.Activities;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Sends to the person outside their own turn (a counselor's message, a notice from a timer): through
/// the adapter of the person's channel, in a proactive turn, so it is stored and delivered the channel's way.
/// </summary>
public sealed class HandoffDelivery(IChannelAdapters channels)
{
    /// <summary>Sends <paramref name="activity"/> into the session's conversation; returns its id (null for typing on some channels).</summary>
    public async Task<string?> DeliverAsync(HandoffSession session, Activity activity, CancellationToken cancellationToken)
    {
        var adapter = channels.Find(session.ChannelId)
            ?? throw new InvalidOperationException($"No adapter for channel '{session.ChannelId}'; register it with IChannelAdapters.");
        string? id = null;
        await adapter.ContinueConversationAsync(
            session.Reference,
            async (turn, ct) => id = (await turn.SendActivityAsync(activity, ct).ConfigureAwait(false)).Id,
            cancellationToken).ConfigureAwait(false);
        return id;
    }
}
