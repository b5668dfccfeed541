using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line channel's adapter: the bot's replies are appended to the transcript (which
/// gives them their id and timestamp) and the conversation's streams are woken; typing is
/// delivered live only.
/// </summary>
public sealed class DirectLineAdapter : ChannelAdapter
{
    public const string ChannelId = "directline";

    private readonly DirectLineSessions _sessions;
    private readonly ConversationStreamHub _hub;

    public DirectLineAdapter(DirectLineSessions sessions, ConversationStreamHub hub, TurnPipeline pipeline, ILogger<DirectLineAdapter> logger)
        : base(ChannelId, pipeline, logger)
    {
        _sessions = sessions;
        _hub = hub;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("An outgoing activity has no conversation.");
            activity.ChannelId = ChannelId;
            if (activity.IsType(ActivityTypes.Typing))
            {
                activity.Id ??= DirectLineTokens.NewId(9);
                activity.Timestamp = DateTimeOffset.UtcNow;
                _hub.PublishTransient(conversationId, activity);
                responses[i] = new ResourceResponse(activity.Id);
                continue;
            }

            // Replies are stored even if the caller gives up (the person must see what was sent); the first reply to
            // a message also clears its pending mark (DirectLineSessions.AppendReplyAsync).
            var entry = await _sessions.AppendReplyAsync(conversationId, activity, CancellationToken.None).ConfigureAwait(false);
            _hub.NotifyAppended(conversationId, entry.Sequence);
            responses[i] = new ResourceResponse(entry.Id);
        }

        return responses;
    }
}
