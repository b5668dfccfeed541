using System.Net;
using System.Text.Json;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// Audit finding: the reading limit (2,000 characters) cut the text before the risk scan, so danger
/// written at the end of a long message got no crisis reply and no place in the queue.
/// </summary>
public sealed class LongMessageRiskTests
{
    private static readonly string LongDanger = new string('あ', 2500) + "もう無理、今から死ぬ";

    [Fact]
    public async Task Danger_at_the_end_of_a_long_Direct_Line_message_gets_the_crisis_reply_and_the_queue()
    {
        using var factory = new ChatSupportFactory();
        var person = await DirectLineClient.StartAsync(factory);
        var id = await person.SayAsync(LongDanger);

        var replies = string.Join("\n", (await person.GetActivitiesAsync()).Activities.Where(a => a.ReplyToId == id).Select(a => a.Text));
        Assert.Contains("最初の2000文字まで読みました", replies, StringComparison.Ordinal);
        Assert.Contains("119", replies, StringComparison.Ordinal);

        var session = await factory.Services.GetRequiredService<HandoffQueries>().FindAsync(person.ConversationId!);
        Assert.NotNull(session);
        Assert.Equal(HandoffState.Waiting, session.State);
        Assert.True(session.Priority >= Domain.Risk.RiskLevel.High);
    }

    [Fact]
    public async Task Danger_at_the_end_of_a_long_LINE_message_gets_the_crisis_reply_and_the_queue()
    {
        using var host = new LineTestHost();
        var sim = host.Simulator;
        var user = LineSimulator.NewUserId();
        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(sim.TextEvent(user, LongDanger))).StatusCode);
        await host.WaitIdleAsync();

        var texts = string.Join("\n", sim.MessagesTo(user).Select(m => m.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        Assert.Contains("最初の2000文字まで読みました", texts, StringComparison.Ordinal);
        Assert.Contains("119", texts, StringComparison.Ordinal);
        var session = await host.Get<HandoffQueries>().FindAsync(LineIds.ConversationId(user));
        Assert.NotNull(session);
        Assert.True(session.Priority >= Domain.Risk.RiskLevel.High);
    }
}
