using System.Collections.Concurrent;
using System.Globalization;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.Testing;

/// <summary>
/// An in-memory channel for unit tests of bots and dialogs: activities sent by the bot are queued
/// for <see cref="TestFlow"/> to check in order.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly ConcurrentQueue<Activity> _replies = new();
    private int _nextId;

    public TestAdapter(string channelId = "test", string locale = "ja-JP")
    {
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid",
            Conversation = new ConversationAccount("conversation-1"),
            User = new ChannelAccount("user-1", "user", RoleTypes.User),
            Bot = new ChannelAccount("bot", "bot", RoleTypes.Bot),
            Locale = locale,
        };
    }

    public ConversationReference Conversation { get; }

    public IReadOnlyCollection<Activity> PendingReplies => _replies;

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= NextId();
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            _replies.Enqueue(activity);
            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    /// <summary>Runs one user turn with the given activity (fills in the conversation fields).</summary>
    public Task SendAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        activity.ChannelId ??= Conversation.ChannelId;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.Conversation ??= Conversation.Conversation;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Locale ??= Conversation.Locale;
        activity.Id ??= NextId();
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        return ProcessActivityAsync(activity, callback, cancellationToken);
    }

    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
