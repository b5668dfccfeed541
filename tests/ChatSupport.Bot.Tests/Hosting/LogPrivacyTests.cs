using ChatSupport.Bot.Channels;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.BotKit.Turns;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Bot.Tests.Hosting;

/// <summary>Every channel keeps what the person wrote, their ids and exception messages out of the logs.</summary>
public sealed class LogPrivacyTests
{
    private const string SecretText = "ひみつの相談ABC123";
    private const string CrisisText = "死にたい。今から飛び降りる";

    [Fact]
    public async Task Direct_Line_no_log_line_at_any_level_contains_what_the_person_wrote_or_their_user_id()
    {
        var sink = new CollectingLoggerProvider();
        using var factory = new ChatSupportFactory { ExtraServices = services => Collect(services, sink) };
        var client = await DirectLineClient.StartAsync(factory);
        await client.SayAsync(SecretText);
        await client.SayAsync(CrisisText);
        var userId = (await client.GetActivitiesAsync()).Activities.First(a => a.From?.Role == "user").From!.Id!;

        AssertNothingPersonal(sink, userId);
    }

    [Fact]
    public async Task LINE_no_log_line_at_any_level_contains_what_the_person_wrote_or_their_user_id()
    {
        var sink = new CollectingLoggerProvider();
        using var host = new LineTestHost { ExtraServices = services => Collect(services, sink) };
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        var seen = (await host.WaitForMessagesAsync(user, 2)).Count;
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, SecretText));
        seen = (await host.WaitForMessagesAsync(user, seen + 1)).Count;
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, CrisisText));
        await host.WaitForMessagesAsync(user, seen + 1);
        await host.WaitIdleAsync();

        AssertNothingPersonal(sink, user);
    }

    [Fact]
    public async Task Direct_Line_a_failing_turn_is_logged_without_the_message_and_the_person_gets_a_notice()
    {
        var sink = new CollectingLoggerProvider();
        using var factory = new ChatSupportFactory { ExtraServices = services => Collect(services, sink, failingBot: true) };
        var client = await DirectLineClient.StartAsync(factory);
        await client.SayAsync("これは秘密です");

        var replies = await client.BotMessagesAsync();
        Assert.Contains(replies, r => r.Text == ChannelAdapter.FailureText);
        AssertFailureLoggedPrivately(sink, "directline", "これは秘密です");
    }

    [Fact]
    public async Task LINE_a_failing_turn_is_logged_without_the_message_and_the_person_gets_a_notice()
    {
        var sink = new CollectingLoggerProvider();
        using var host = new LineTestHost { ExtraServices = services => Collect(services, sink, failingBot: true) };
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, "これは秘密です"));

        var messages = await host.WaitForMessagesAsync(user, 1);
        Assert.Contains(messages, m => m["text"]?.GetValue<string>() == ChannelAdapter.FailureText);
        AssertFailureLoggedPrivately(sink, "line", "これは秘密です");
        Assert.DoesNotContain(sink.Lines, l => l.Contains(user, StringComparison.Ordinal));
    }

    private static void Collect(IServiceCollection services, CollectingLoggerProvider sink, bool failingBot = false)
    {
        services.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        if (failingBot)
        {
            services.AddSingleton<IBot>(new ThrowingBot());
        }
    }

    private static void AssertNothingPersonal(CollectingLoggerProvider sink, string userId)
    {
        Assert.NotEmpty(sink.Lines);
        Assert.DoesNotContain(sink.Lines, l => l.Contains(SecretText, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("飛び降りる", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(userId, StringComparison.Ordinal));
    }

    private static void AssertFailureLoggedPrivately(CollectingLoggerProvider sink, string channel, string secret)
    {
        Assert.Contains(sink.Lines, l => l.Contains("A turn failed on " + channel, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("boom", StringComparison.Ordinal));
    }

    private sealed class ThrowingBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom: " + turnContext.Activity.Text);
    }
}
