using System.Collections.Concurrent;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Bot.Tests.Hosting;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task No_log_line_at_any_level_contains_what_the_person_wrote_or_their_user_id()
    {
        var sink = new CollectingLoggerProvider();
        using var factory = new ChatSupportFactory
        {
            ExtraServices = services => services.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)),
        };
        var client = await DirectLineClient.StartAsync(factory);
        const string secretText = "ひみつの相談ABC123";
        await client.SayAsync(secretText);
        await client.SayAsync("死にたい。今から飛び降りる");
        var userId = (await client.GetActivitiesAsync()).Activities.First(a => a.From?.Role == "user").From!.Id!;

        Assert.NotEmpty(sink.Lines);
        Assert.DoesNotContain(sink.Lines, l => l.Contains(secretText, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("飛び降りる", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(userId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_turn_is_logged_without_the_message_and_the_person_gets_a_notice()
    {
        var sink = new CollectingLoggerProvider();
        using var factory = new ChatSupportFactory
        {
            ExtraServices = services =>
            {
                services.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
                services.AddSingleton<IBot>(new ThrowingBot());
            },
        };
        var client = await DirectLineClient.StartAsync(factory);
        await client.SayAsync("これは秘密です");

        var replies = await client.BotMessagesAsync();
        Assert.Contains(replies, r => r.Text!.Contains("エラー", StringComparison.Ordinal) && r.Text.Contains("110", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, l => l.Contains("A turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("これは秘密です", StringComparison.Ordinal));
    }

    private sealed class ThrowingBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom: " + turnContext.Activity.Text);
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(Lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
