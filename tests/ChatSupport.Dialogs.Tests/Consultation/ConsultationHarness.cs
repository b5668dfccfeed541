using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Testing;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Triage;
using ChatSupport.Domain.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>The consultation bot as the host wires it, over memory storage, with a fixed clock in JST and an optional handoff.</summary>
public sealed class ConsultationHarness
{
    public ConsultationHarness(IHandoffRequests? handoff = null, DateTimeOffset? now = null, MemoryStorage? storage = null, bool triage = false, FakeTimeProvider? clock = null, string? counselorHours = null, CounselorAvailability? availability = null)
    {
        // A Wednesday at 14:00 in Japan unless a test says otherwise.
        Clock = clock ?? new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9)));
        Storage = storage ?? new MemoryStorage();
        var conversationState = new ConversationState(Storage);
        var texts = BotTexts.Default;
        var directory = SharedDirectory.Value;
        var cards = new ServiceCards(texts);
        var humans = new HumanRequests(texts, directory, cards, Clock, handoff, hours: CounselorHours.Parse(counselorHours), availability: availability);
        var crisis = new CrisisResponder(texts, directory, cards, humans, Clock);
        var acks = new Acknowledgements(texts);
        var offer = new SupportOffer(texts, new SupportRouter(directory), directory, cards, Clock);
        var listener = new Listener(texts, acks, offer, humans);
        var main = new MainDialog(texts, humans, listener, new FindSupportDialog(texts, offer, acks, crisis));
        Triage = triage ? new TriageStatus(true, new TriageKillSwitch(new MemoryTriageStore(), Clock)) : null;
        Bot = new ConsultationBot(conversationState, main, humans, crisis, SharedReader.Value, texts, Clock, Triage);
        Adapter = new TestAdapter();
        Adapter.Use(new AutoSaveStateMiddleware(conversationState));
    }

    private static readonly Lazy<MessageReader> SharedReader = new(MessageReader.CreateDefault);

    private static readonly Lazy<SupportDirectory> SharedDirectory = new(() => SupportDirectory.LoadDefault(Path.Combine(Path.GetTempPath(), "no-local-directory")));

    /// <summary>The directory every harness routes with (the repository's data, no local file).</summary>
    public static SupportDirectory Directory => SharedDirectory.Value;

    public FakeTimeProvider Clock { get; }

    public TriageStatus? Triage { get; }

    public MemoryStorage Storage { get; }

    public ConsultationBot Bot { get; }

    public TestAdapter Adapter { get; }

    public TestFlow Flow() => new(Adapter, Bot.OnTurnAsync);

    /// <summary>Sends one message and returns every reply of its turn.</summary>
    public async Task<List<Activity>> SayAsync(string text)
    {
        await Adapter.SendAsync(Activity.CreateMessage(text), Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>The person joins like Web Chat does; the welcome is read and dropped.</summary>
    public async Task<ConsultationHarness> JoinAsync()
    {
        await Adapter.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("user-1")] }, Bot.OnTurnAsync);
        while (Adapter.GetNextReply() is not null)
        {
        }

        return this;
    }

    /// <summary>Starts like Web Chat does: the person joins, the welcome and the menu come.</summary>
    public TestFlow Started() => Flow().SendConversationUpdate().SkipReplies();

    public static bool HasButton(Activity reply, string title) =>
        reply.SuggestedActions?.Actions.Any(a => a.Title == title) ?? false;

    public static IEnumerable<HeroCard> Cards(Activity reply) =>
        (reply.Attachments ?? [])
            .Where(a => a.ContentType == AttachmentContentTypes.HeroCard)
            .Select(a => System.Text.Json.JsonSerializer.Deserialize<HeroCard>(a.Content!.Value, ActivityJson.Options)!);
}
