using ChatSupport.BotKit.Activities;

namespace ChatSupport.BotKit.Turns;

/// <summary>
/// The base of every channel adapter: runs an incoming activity through the middleware and the
/// bot, one turn at a time per conversation, and sends replies the channel's way.
/// </summary>
public abstract class BotAdapter
{
    private readonly ConversationTurnGate _gate = new();

    /// <summary>True while one more turn of the conversation would be admitted (see <see cref="ConversationTurnGate.MaxTurnsPerKey"/>).</summary>
    public bool HasRoomForTurn(string conversationId) => _gate.HasRoom(conversationId);

    public MiddlewareSet Middleware { get; } = new();

    /// <summary>Called when a turn throws; the default rethrows.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(ITurnMiddleware middleware)
    {
        Middleware.Use(middleware);
        return this;
    }

    /// <summary>Delivers outgoing activities to the channel; returns their ids in order.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one turn. Turns of the same conversation never overlap, so no turn can read state
    /// that another is about to change; different conversations run in parallel.
    /// </summary>
    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a turn the bot begins itself (a counselor's message, a timer) in an existing conversation.</summary>
    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
        };
        return RunPipelineAsync(new TurnContext(this, activity), callback, cancellationToken);
    }

    protected async Task RunPipelineAsync(ITurnContext context, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var key = context.Activity.Conversation?.Id ?? string.Empty;
        using var turn = await _gate.EnterAsync(key, cancellationToken).ConfigureAwait(false);
        try
        {
            await Middleware.ReceiveActivityAsync(context, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(context, ex).ConfigureAwait(false);
        }
    }
}
