using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// Audit findings on LINE: failed events were never shown to anyone, sends LINE kept refusing were retried for ever
/// (blocking the person's later messages), and failure logs carried exception objects that can quote the person.
/// </summary>
public sealed class LineFailureTests
{
    private const string Secret = "だれにも言えないこと";

    [Fact]
    public async Task An_event_that_keeps_failing_is_retried_a_bounded_number_of_times_shown_to_supervisors_and_requeued()
    {
        var sink = new CollectingLoggerProvider();
        var store = new BreakableConversations();
        using var host = new LineTestHost
        {
            ExtraServices = services =>
            {
                services.AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
                services.AddSingleton<IConversationStore>(sp => store.Wrapping(sp.GetRequiredService<SqliteTranscriptStore>()));
            },
        };
        host.Settings["ChatSupport:Line:MaxEventAttempts"] = "3";
        _ = host.Server;
        await ConsoleClient.AddAccountAsync(host.DatabasePath, "boss", "supervisor");
        var boss = await ConsoleClient.SignInAsync(host, "boss");

        var user = LineSimulator.NewUserId();
        store.Broken = true;
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, Secret));
        await ConsoleClient.WaitUntilAsync(async () => (await host.Get<LineStore>().CountEventsAsync()).ContainsKey("failed"), "the event to be marked failed", 15_000);

        Assert.Equal(3, store.Attempts);
        Assert.Empty(host.Simulator.MessagesTo(user));
        var failures = await (await boss.GetAsync("/api/console/line/failures")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, failures.GetProperty("count").GetInt32());
        var failure = failures.GetProperty("failures")[0];
        Assert.Equal("event", failure.GetProperty("kind").GetString());
        Assert.Equal(3, failure.GetProperty("attempts").GetInt32());
        Assert.DoesNotContain(Secret, failures.GetRawText(), StringComparison.Ordinal);

        // The failure was logged by type and place only: not the exception's message (which quotes the text) nor the text.
        Assert.Contains(sink.Lines, l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains("store down", StringComparison.Ordinal));

        // Once the cause is fixed an operator requeues it, and the person is answered.
        store.Broken = false;
        var requeued = await (await boss.PostAsync("/api/console/line/failures/retry", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, requeued.GetProperty("events").GetInt32());
        Assert.NotEmpty(await host.WaitForMessagesAsync(user, 1));
        Assert.Equal(0, (await (await boss.GetAsync("/api/console/line/failures")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        var audit = await host.Get<IAuditLog>().ReadAsync(10);
        Assert.Contains(audit, a => a.Action == LineOperationsApi.RequeueAction && a.Actor == "boss");
    }

    [Fact]
    public async Task A_send_LINE_keeps_refusing_gives_up_after_the_bound_and_does_not_block_the_persons_next_message()
    {
        using var host = new LineTestHost();
        host.Settings["ChatSupport:Line:MaxRetries"] = "0";
        host.Settings["ChatSupport:Line:MaxDeliveryAttempts"] = "3";
        _ = host.Server;
        await ConsoleClient.AddAccountAsync(host.DatabasePath, "boss", "supervisor");
        var boss = await ConsoleClient.SignInAsync(host, "boss");
        var user = LineSimulator.NewUserId();
        await host.Simulator.SendAsync(host.Simulator.FollowEvent(user));
        var welcomed = (await host.WaitForMessagesAsync(user, 1)).Count;
        Assert.True(welcomed > 0);
        await host.WaitIdleAsync();

        // The reply and then three pushes are refused as "try later".
        host.Simulator.FailNext(500, 4, "/v2/bot/message/");
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, "こんにちは"));
        await host.WaitIdleAsync();
        var failures = await (await boss.GetAsync("/api/console/line/failures")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, failures.GetProperty("count").GetInt32());
        Assert.Equal("send", failures.GetProperty("failures")[0].GetProperty("kind").GetString());
        Assert.Equal(3, failures.GetProperty("failures")[0].GetProperty("attempts").GetInt32());

        // The person's next message is answered; the given-up send goes out (push, same retry key) once requeued.
        await host.Simulator.SendAsync(host.Simulator.TextEvent(user, "おーい"));
        var answered = (await host.WaitForMessagesAsync(user, welcomed + 1)).Count;
        Assert.True(answered > welcomed);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync("/api/console/line/failures/retry", null)).StatusCode);
        await host.WaitIdleAsync();
        Assert.True(host.Simulator.MessagesTo(user).Count > answered);
        Assert.All(host.Simulator.Calls.Where(c => c.Accepted && c.RetryKey is not null).GroupBy(c => c.RetryKey), g => Assert.Single(g));
    }

    /// <summary>The conversation registry, failing on demand with a message that quotes what it was given (as drivers do).</summary>
    private sealed class BreakableConversations
    {
        private int _attempts;

        public bool Broken { get; set; }

        public int Attempts => Volatile.Read(ref _attempts);

        public IConversationStore Wrapping(IConversationStore inner) => new Store(this, inner);

        private sealed class Store(BreakableConversations owner, IConversationStore inner) : IConversationStore
        {
            public Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken = default)
            {
                if (conversation.ChannelId == LineAdapter.ChannelId && owner.Broken)
                {
                    Interlocked.Increment(ref owner._attempts);
                    throw new InvalidOperationException("store down while saving: " + Secret);
                }

                return inner.TryCreateAsync(conversation, cancellationToken);
            }

            public Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
                inner.FindAsync(conversationId, cancellationToken);
        }
    }
}
