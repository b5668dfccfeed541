using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// The LINE channel's adapter. Every reply is appended to the transcript. Inside the turn of a
/// webhook event the replies are collected, and the processor queues them with the event's
/// completion (reply token first, then push); outside such a turn — a counselor's message through
/// <see cref="BotAdapter.ContinueConversationAsync"/> — they are queued and pushed at once with a
/// stored retry key. Typing shows LINE's loading animation.
/// </summary>
public sealed class LineAdapter : ChannelAdapter
{
    public const string ChannelId = "line";

    private static readonly AsyncLocal<LineTurn?> Current = new();

    private readonly ITranscriptStore _transcript;
    private readonly LineStore _store;
    private readonly LineDelivery _delivery;
    private readonly LineMessagingClient _client;
    private readonly LineOptions _options;
    private readonly TimeProvider _clock;

    public LineAdapter(
        ITranscriptStore transcript,
        LineStore store,
        LineDelivery delivery,
        LineMessagingClient client,
        IOptions<LineOptions> options,
        TimeProvider clock,
        TurnPipeline pipeline,
        ILogger<LineAdapter> logger)
        : base(ChannelId, pipeline, logger)
    {
        _transcript = transcript;
        _store = store;
        _delivery = delivery;
        _client = client;
        _options = options.Value;
        _clock = clock;
    }

    /// <summary>A reference for proactive messages (a counselor's reply) into a LINE conversation.</summary>
    public static ConversationReference CreateReference(string conversationId, string activityUserId) => new()
    {
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(conversationId),
        User = new ChannelAccount(activityUserId, null, RoleTypes.User),
        Bot = BotAccount(),
        Locale = "ja-JP",
    };

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        var proactive = new List<Activity>();
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("An outgoing activity has no conversation.");
            activity.ChannelId = ChannelId;
            if (activity.IsType(ActivityTypes.Typing))
            {
                activity.Id = Guid.NewGuid().ToString("N");
                await ShowLoadingAsync(conversationId, null, cancellationToken).ConfigureAwait(false);
                responses[i] = new ResourceResponse(activity.Id);
                continue;
            }

            // Stored even if the caller gives up: the transcript shows what was sent.
            var entry = await _transcript.AppendAsync(conversationId, TranscriptDirection.Outbound, activity, CancellationToken.None).ConfigureAwait(false);
            responses[i] = new ResourceResponse(entry.Activity.Id!);
            var turn = Current.Value;
            if (turn is not null && !turn.Closed && string.Equals(turn.ConversationId, conversationId, StringComparison.Ordinal))
            {
                turn.Outgoing.Add(activity);
            }
            else
            {
                proactive.Add(activity);
            }
        }

        if (proactive.Count > 0)
        {
            foreach (var group in proactive.GroupBy(a => a.Conversation!.Id!, StringComparer.Ordinal))
            {
                var drafts = LineMessageMapper.ToCalls(group).Select(c => new LineOutboxDraft(c.ToJsonString(), null, null)).ToList();
                await _store.EnqueueAsync(group.Key, drafts, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await _delivery.DeliverAsync(group.Key, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return responses;
    }

    /// <summary>Shows the loading animation in the person's chat (while they wait for a counselor); false when disabled, blocked or refused.</summary>
    public async Task<bool> ShowLoadingAsync(string conversationId, int? seconds, CancellationToken cancellationToken)
    {
        if (!_options.LoadingAnimation)
        {
            return false;
        }

        var user = await _store.FindUserAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (user is not { Following: true })
        {
            return false;
        }

        var result = await _client.ShowLoadingAsync(user.LineUserId, seconds ?? _options.LoadingSeconds, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>
    /// Marks the person's messages up to the newest one as read (call it when a counselor opened
    /// the conversation). Does nothing unless <see cref="LineOptions.MarkAsRead"/> is on.
    /// </summary>
    public async Task<bool> MarkAsReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_options.MarkAsRead)
        {
            return false;
        }

        var user = await _store.FindUserAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (user?.MarkAsReadToken is not { } token || !user.Following)
        {
            return false;
        }

        var result = await _client.MarkAsReadAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await _store.SetMarkAsReadTokenAsync(conversationId, null, cancellationToken).ConfigureAwait(false);
        }

        return result.Succeeded;
    }

    /// <summary>Runs one webhook event's turn and returns what the bot sent in it (already in the transcript, not yet sent to LINE).</summary>
    internal async Task<IReadOnlyList<Activity>> RunEventTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var turn = new LineTurn(activity.Conversation!.Id!);
        Current.Value = turn;
        try
        {
            await ProcessActivityAsync(activity, callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.Closed = true;
            Current.Value = null;
        }

        return turn.Outgoing;
    }

    private sealed class LineTurn(string conversationId)
    {
        public string ConversationId { get; } = conversationId;

        public List<Activity> Outgoing { get; } = [];

        public bool Closed { get; set; }
    }
}
