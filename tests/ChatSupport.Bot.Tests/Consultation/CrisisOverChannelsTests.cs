using System.Net;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.BotKit.Activities;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;

namespace ChatSupport.Bot.Tests.Consultation;

/// <summary>
/// Crisis replies and "never silent" through the real host, over Direct Line and over LINE, under fixed
/// clocks in Japan time (docs/crisis.md). Harms here are the ones today's risk engine reads from real
/// messages; the rest are checked with built assessments in ChatSupport.Dialogs.Tests.
/// </summary>
public sealed class CrisisOverChannelsTests
{
    private static readonly DateTimeOffset Night = new(2026, 12, 10, 2, 20, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset WeekdayDay = new(2026, 12, 9, 14, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset NewYear = new(2027, 1, 2, 2, 20, 0, TimeSpan.FromHours(9));

    private static readonly string[] NineteenYearOld =
    [
        "薬全部飲んだ",
        "なんか気持ち悪い。心臓ばくばくしてる",
        "救急車はやだ。親に連絡いくし、お金もないし",
        "ちょっと寝たら治るかな",
        "ひとり暮らしだから誰もいない",
        "ねむい",
    ];

    public static TheoryData<string, string> Harms => new()
    {
        { "薬全部飲んだ", "いますぐ119に電話してください" },
        { "もう死にたい。今から飛び降りる", "いま危ない状態なら、すぐに119（救急）か110（警察）" },
        { "父親に殴られる。家に帰りたくない", "いま危ないときは、すぐに110番" },
        { "彼氏に毎日なぐられてて、もう限界", "命の危険があるときは、すぐに110番" },
        { "レイプされた", "いま危ない場所にいるなら、すぐに110番" },
    };

    [Theory]
    [MemberData(nameof(Harms))]
    public async Task Each_harm_gets_its_first_action_and_a_safety_check_over_direct_line(string message, string firstLine)
    {
        using var factory = new ChatSupportFactory();
        factory.Clock.SetUtcNow(Night);
        var person = await DirectLineClient.StartAsync(factory);
        var id = await person.SayAsync(message);

        var replies = (await person.GetActivitiesAsync()).Activities.Where(a => a.ReplyToId == id && a.Type == ActivityTypes.Message).ToList();
        Assert.StartsWith(firstLine, replies[0].Text, StringComparison.Ordinal);
        Assert.NotEmpty(replies[^1].SuggestedActions!.Actions);
    }

    [Theory]
    [MemberData(nameof(Harms))]
    public async Task Each_harm_gets_its_first_action_and_a_safety_check_over_line(string message, string firstLine)
    {
        using var host = new LineTestHost();
        host.Clock.SetUtcNow(Night);
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();
        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(sim.TextEvent(user, message))).StatusCode);

        var messages = await host.WaitForNewMessagesAsync(user, 0, m => m.Any(x => x["quickReply"] is not null));
        Assert.StartsWith(firstLine, LineSimulator.Render(messages[0]), StringComparison.Ordinal);
        Assert.All(sim.Calls, c => Assert.Empty(c.SchemaErrors));
    }

    [Fact]
    public async Task The_19_year_old_on_2_January_gets_an_answer_to_every_message_over_direct_line_with_nobody_on_duty()
    {
        using var factory = new ChatSupportFactory { Settings = new Dictionary<string, string> { ["ChatSupport:Handoff:Hours"] = "Mon-Fri 17:00-22:00" } };
        factory.Clock.SetUtcNow(NewYear);
        var person = await DirectLineClient.StartAsync(factory);

        foreach (var say in NineteenYearOld)
        {
            var id = await person.SayAsync(say);
            var replies = (await person.GetActivitiesAsync()).Activities.Where(a => a.ReplyToId == id && a.Type == ActivityTypes.Message).ToList();
            Assert.True(replies.Count > 0, "no answer to: " + say);
            Assert.Contains("119", string.Join("\n", replies.Select(r => r.Text)), StringComparison.Ordinal);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var all = string.Join("\n", (await person.BotMessagesAsync()).Select(m => m.Text));
        Assert.Contains("1月4日の17:00から", all, StringComparison.Ordinal);
        Assert.DoesNotContain("急いでつなぎます", all, StringComparison.Ordinal);
        Assert.DoesNotContain("0120-0-78310", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_19_year_old_on_2_January_gets_an_answer_to_every_message_over_line()
    {
        using var host = new LineTestHost();
        host.Settings["ChatSupport:Handoff:Hours"] = "Mon-Fri 17:00-22:00";
        host.Clock.SetUtcNow(NewYear);
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();

        var seen = 0;
        foreach (var say in NineteenYearOld)
        {
            Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(sim.TextEvent(user, say))).StatusCode);
            var all = await host.WaitForNewMessagesAsync(user, seen, m => m.Any(x => LineSimulator.Render(x).Contains("119", StringComparison.Ordinal)));
            Assert.True(all.Count > seen, "no answer to: " + say);
            seen = all.Count;
            await host.WaitIdleAsync();
            seen = sim.MessagesTo(user).Count;
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(sim.Calls, c => Assert.Empty(c.SchemaErrors));
    }

    [Fact]
    public async Task Waiting_with_a_counselor_on_duty_gets_answers_and_once_held_the_bot_steps_back()
    {
        using var factory = new ChatSupportFactory();
        factory.Clock.SetUtcNow(WeekdayDay);
        await Handoff.ConsoleClient.AddAccountAsync(factory, "kato", "counselor");
        var counselor = await Handoff.ConsoleClient.SignInAsync(factory, "kato");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("人と話したい");

        var waiting = await person.SayAsync("まだかな");
        var reply = Assert.Single((await person.GetActivitiesAsync()).Activities, a => a.ReplyToId == waiting && a.Type == ActivityTypes.Message);
        Assert.Contains("いま1番目", reply.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        var held = await person.SayAsync("聞いてほしいことがある");
        Assert.DoesNotContain((await person.GetActivitiesAsync()).Activities, a => a.ReplyToId == held);
    }
}
