using System.Text.Json;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Support;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatSupport.Bot.Tests.Consultation;

/// <summary>
/// Whole conversations (Conversations/conversations.jsonl: ages 12–29, different hours including night and
/// a holiday, topics, dialects, typing styles, emoji) replayed over Direct Line against the real host at
/// their own hour. Each asserts what a person would notice: an answer to every message, never the retry
/// text to a message with content, no crisis interrupt in everyday talk, and a fitting service where one
/// is needed. The transcript is written to the test output for reading.
/// </summary>
public sealed class WholeConversationTests(WholeConversationTests.Host host, ITestOutputHelper output) : IClassFixture<WholeConversationTests.Host>
{
    private static readonly string[] RetryPhrases = ["受け取れませんでした", "うまくやりとりできなくて", "番号で送ってください"];

    private static readonly bool WaitingRepliesExist = Type.GetType("ChatSupport.Domain.Handoff.HandoffWaiting, ChatSupport.Domain") is not null;

    /// <summary>Where each conversation's transcript is written, for reading.</summary>
    private static readonly string Folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "chatsupport-conversations")).FullName;

    private static readonly Lazy<SupportDirectory> Directory = new(() => SupportDirectory.LoadDefault(Path.Combine(Path.GetTempPath(), "no-local-directory")));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var conversation in Load())
        {
            data.Add(conversation.Id);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_conversations_of_ages_12_to_29_at_night_and_on_a_holiday()
    {
        var all = Load();
        Assert.True(all.Count >= 20);
        Assert.Contains(all, c => c.At.Hour is >= 0 and < 5);
        Assert.Contains(all, c => JapaneseHolidays.IsHoliday(DateOnly.FromDateTime(c.At.DateTime)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_whole_conversation_is_answered_in_kind(string id)
    {
        var conversation = Load().Single(c => c.Id == id);
        // The conversation's own hour (JST); each conversation is its own Direct Line conversation on one host.
        host.Clock.Now = conversation.At.ToUniversalTime();
        var client = await DirectLineClient.StartAsync(host.Factory);
        var crisisLines = BotTexts.Default.Keys.Where(k => k.StartsWith("crisis.", StringComparison.Ordinal))
            .Select(k => BotTexts.Default.Get(k, false).Split('\n')[0])
            .ToList();
        var transcript = new List<string> { $"# {conversation.Id} — {conversation.Note}" };
        transcript.AddRange((await client.BotMessagesAsync()).SelectMany(Lines));
        var all = new List<Activity>();
        var questions = 0;
        var waiting = false;
        if (conversation.CrisisFalsePositive is { } known)
        {
            // Reported to the risk owner; the rest of the conversation is still checked.
            output.WriteLine($"{id}: known crisis false positive: {known}");
        }

        foreach (var turn in conversation.Turns)
        {
            var sent = await client.SayAsync(turn);
            var replies = (await client.GetActivitiesAsync()).Activities
                .Where(a => a.ReplyToId == sent && a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message)
                .ToList();
            transcript.Add("USER: " + turn);
            transcript.AddRange(replies.SelectMany(Lines));
            await File.WriteAllLinesAsync(Path.Combine(Folder, id + ".txt"), transcript);

            // While the conversation waits for a counselor the bot answers too, once the waiting replies exist
            // (HandoffWaiting, contracts.md "Waiting"); before that, the relay keeps the bot silent while waiting.
            Assert.True(replies.Count > 0 || (waiting && !WaitingRepliesExist), $"{id}: no answer to 「{turn}」");
            waiting |= replies.Any(r => r.Text is { } t && (t.Contains("相談員（人）にも", StringComparison.Ordinal) || t.Contains("相談員につなぎます", StringComparison.Ordinal) || t.Contains("受付時間外です", StringComparison.Ordinal)));
            Assert.DoesNotContain(replies, r => RetryPhrases.Any(p => (r.Text ?? string.Empty).Contains(p, StringComparison.Ordinal)));
            if (!conversation.CrisisAllowed && conversation.CrisisFalsePositive is null)
            {
                Assert.DoesNotContain(replies, r => crisisLines.Any(l => (r.Text ?? string.Empty).StartsWith(l, StringComparison.Ordinal)));
            }

            questions += replies.Count(r => r.Text is { } t && (t.Contains("年代を教えて", StringComparison.Ordinal) || t.Contains("どんなことで困っていますか", StringComparison.Ordinal)));
            all.AddRange(replies);
        }

        output.WriteLine(string.Join("\n", transcript));
        var cards = all.SelectMany(Cards).ToList();
        if (conversation.Services.Count > 0)
        {
            var names = conversation.Services.Select(s => Directory.Value.Find(s)?.Name.Ja ?? throw new InvalidOperationException($"{id}: no service '{s}' in the directory")).ToList();
            Assert.True(cards.Exists(c => names.Contains(c.Title!)), $"{id}: none of {string.Join(", ", conversation.Services)} was offered; got {string.Join(", ", cards.Select(c => c.Title).Distinct())}");
        }

        foreach (var text in conversation.Texts)
        {
            Assert.Contains(all, r => (r.Text ?? string.Empty).Contains(text, StringComparison.Ordinal));
        }

        if (conversation.AroundTheClock)
        {
            Assert.Contains(cards, c => c.Subtitle == "いま受付中・24時間");
        }

        if (conversation.MaxQuestions is { } max)
        {
            Assert.True(questions <= max, $"{id}: {questions} questions before services");
        }
    }

    /// <summary>One host for all conversations, on a clock each conversation sets to its own hour.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            Factory = new ChatSupportFactory
            {
                Settings = new Dictionary<string, string> { ["ChatSupport:Handoff:Hours"] = "Mon-Fri 13:00-22:00" },
                ExtraServices = services => services.AddSingleton<TimeProvider>(Clock),
            };
        }

        public SettableClock Clock { get; } = new();

        public ChatSupportFactory Factory { get; }

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>A clock set to any instant (conversations replay at different hours, not in order).</summary>
    public sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static IEnumerable<string> Lines(Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Text))
        {
            yield return "  BOT: " + activity.Text.Replace("\n", " / ", StringComparison.Ordinal);
        }

        foreach (var card in Cards(activity))
        {
            yield return $"  BOT: [card] {card.Title} ({card.Subtitle})";
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            yield return "  BOT: [buttons] " + string.Join(" / ", actions.Select(a => a.Title));
        }
    }

    private static IEnumerable<HeroCard> Cards(Activity activity) =>
        (activity.Attachments ?? [])
            .Where(a => a.ContentType == AttachmentContentTypes.HeroCard)
            .Select(a => JsonSerializer.Deserialize<HeroCard>(a.Content!.Value, ActivityJson.Options)!);

    private static List<Conversation> Load() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Consultation", "Conversations", "conversations.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Conversation>(l, JsonOptions)!)
            .ToList();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Conversation(
        string Id,
        string Note,
        DateTimeOffset At,
        List<string> Turns,
        List<string> Services,
        bool CrisisAllowed = false,
        bool AroundTheClock = false,
        int? MaxQuestions = null,
        bool Person = false,
        string? CrisisFalsePositive = null)
    {
        public List<string> Texts { get; init; } = [];
    }
}
