using ChatSupport.BotKit.Activities;

namespace ChatSupport.BotKit.Turns;

/// <summary>The turn context an adapter creates for each incoming activity.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }

    public Activity Activity { get; }

    public TurnStateCollection TurnState { get; } = new();

    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(string.Empty);
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        var batch = activities.Select(a => ApplyReference(a, reference)).ToList();
        if (batch.Count == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        return RunHooks(0);

        Task<ResourceResponse[]> RunHooks(int index)
        {
            if (index == _onSend.Count)
            {
                return SendThroughAdapter();
            }

            return _onSend[index](this, batch, () => RunHooks(index + 1));
        }

        async Task<ResourceResponse[]> SendThroughAdapter()
        {
            var responses = await Adapter.SendActivitiesAsync(this, batch, cancellationToken).ConfigureAwait(false);
            if (batch.Exists(a => !a.IsType(ActivityTypes.Trace)))
            {
                Responded = true;
            }

            return responses;
        }
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    private static Activity ApplyReference(Activity activity, ConversationReference reference)
    {
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Conversation ??= reference.Conversation;
        activity.From ??= reference.Bot;
        activity.Recipient ??= reference.User;
        activity.Locale ??= reference.Locale;
        if (activity.ReplyToId is null && reference.ActivityId is not null && !activity.IsType(ActivityTypes.Typing))
        {
            activity.ReplyToId = reference.ActivityId;
        }

        return activity;
    }
}
