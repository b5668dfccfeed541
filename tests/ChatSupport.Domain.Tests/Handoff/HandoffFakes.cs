using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Events;
using ChatSupport.BotKit.Testing;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Storage;
using ChatSupport.Domain.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Domain.Tests.Handoff;

/// <summary>A channel adapter that appends what it sends to the memory transcript, as Direct Line does.</summary>
internal sealed class RecordingAdapter(MemoryTranscript transcript) : BotAdapter, IChannelAdapters
{
    public BotAdapter? Find(string channelId) => this;

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var ids = new List<ResourceResponse>();
        foreach (var a in activities)
        {
            if (a.IsType(ActivityTypes.Typing))
            {
                ids.Add(new ResourceResponse("typing"));
                continue;
            }

            var entry = await transcript.AppendAsync(a.Conversation!.Id!, TranscriptDirection.Outbound, a);
            ids.Add(new ResourceResponse(entry.Activity.Id!));
        }

        return [.. ids];
    }
}

internal sealed class HandoffHarness
{
    public HandoffHarness(HandoffOptions? options = null, IHandoffStore? store = null, ICounselorDirectory? onDuty = null)
    {
        Store = store ?? new MemoryHandoffStore();
        Adapter = new RecordingAdapter(Transcript);
        Options = options ?? new HandoffOptions();
        var texts = HandoffTexts.LoadDefault();
        var sessions = new HandoffSessions(Store, Bus);
        var delivery = new HandoffDelivery(Adapter);
        Queries = new HandoffQueries(Store, Transcript, Audit, texts, Options, Clock);
        Requests = new HandoffRequests(sessions, Queries, Transcript, Clock, onDuty is null ? null : new CounselorAvailability(Queries, Clock, onDuty));
        Commands = new HandoffCommands(sessions, delivery, Transcript, Audit, Counselors, texts, Options, Clock);
        Timers = new HandoffTimers(sessions, Queries, delivery, Options, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero));

    public IHandoffStore Store { get; }

    public InProcessEventBus Bus { get; } = new();

    public MemoryTranscript Transcript { get; } = new();

    public MemoryAudit Audit { get; } = new();

    public RecordingAdapter Adapter { get; }

    public HandoffOptions Options { get; }

    public MemoryCounselors Counselors { get; } = new();

    public HandoffQueries Queries { get; }

    public HandoffRequests Requests { get; }

    public HandoffCommands Commands { get; }

    public HandoffTimers Timers { get; }

    public static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "test",
        ServiceUrl = "https://test.invalid",
        Conversation = new ConversationAccount(conversationId),
        User = new ChannelAccount("user-" + conversationId, null, RoleTypes.User),
        Bot = new ChannelAccount("bot", "bot", RoleTypes.Bot),
        Locale = "ja-JP",
    };

    public static HandoffRequest Request(string conversationId, RiskLevel priority = RiskLevel.None, params string[] terms) =>
        new(Reference(conversationId), priority >= RiskLevel.High ? HandoffReason.Risk : HandoffReason.PersonAsked, priority, [], terms);

    public Task<HandoffRequestResult> AskAsync(string conversationId, RiskLevel priority = RiskLevel.None, params string[] terms) =>
        Requests.RequestAsync(Request(conversationId, priority, terms), CancellationToken.None);

    public IReadOnlyList<Activity> Outbound(string conversationId) =>
        Transcript.All(conversationId).Where(e => e.Direction == TranscriptDirection.Outbound).Select(e => e.Activity).ToList();

    public IReadOnlyList<string?> SentTexts(string conversationId) =>
        Outbound(conversationId).Where(a => a.IsType(ActivityTypes.Message)).Select(a => a.Text).ToList();

    public static TestAdapter NewTestAdapter() => new();
}
