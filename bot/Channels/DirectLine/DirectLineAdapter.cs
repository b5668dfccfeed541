using ChatSupport.Domain.Activities;
using ChatSupport.Domain.Storage;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line channel's adapter: the bot's replies are appended to the transcript (which
/// gives them their id and timestamp) and the conversation's streams are woken; typing is
/// delivered live only.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    public const string ChannelId = "directline";

    private readonly ITranscriptStore _transcript;
    private readonly ConversationStreamHub _hub;

    public DirectLineAdapter(ITranscriptStore transcript, ConversationStreamHub hub, IEnumerable<ITurnMiddleware> middleware, ILogger<DirectLineAdapter> logger)
    {
        _transcript = transcript;
        _hub = hub;
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = async (context, exception) =>
        {
            // No message text or user data in the log: an exception's message may quote the person's words,
            // so only its type and where it was thrown are written, never its message.
            logger.LogError(
                "A turn failed on {Channel} ({ActivityType}): {ExceptionType} at {Site}.",
                context.Activity.ChannelId,
                context.Activity.Type,
                exception.GetType().FullName,
                exception.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown");
            try
            {
                await context.SendActivityAsync(BotFailureText).ConfigureAwait(false);
            }
            catch (Exception sendFailure)
            {
                logger.LogError("The failure notice could not be sent: {ExceptionType}.", sendFailure.GetType().FullName);
            }
        };
    }

    /// <summary>Shown when the bot itself failed; the person's message is already stored.</summary>
    public static string BotFailureText { get; set; } = BotTexts.Default.Get("channel.failure", false);

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

            // Replies are stored even if the caller gives up (the person must see what was sent).
            var entry = await _transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, activity, CancellationToken.None).ConfigureAwait(false);
            _hub.NotifyAppended(conversationId, entry.Sequence);
            responses[i] = new ResourceResponse(entry.Activity.Id!);
        }

        return responses;
    }
}
