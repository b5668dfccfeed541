using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>Audit finding: 150 rapid posts from one conversation were all accepted, and waiters and stream buffers had no bound.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task A_person_typing_fast_is_never_limited()
    {
        using var factory = new ChatSupportFactory();
        var person = await DirectLineClient.StartAsync(factory);
        for (var i = 0; i < 25; i++)
        {
            await person.SayAsync($"ねえ{i}"); // SayAsync asserts 200 OK
        }

        var inbound = (await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 1000))
            .Count(e => e.Direction == TranscriptDirection.Inbound);
        Assert.Equal(25, inbound);
    }

    [Fact]
    public async Task A_conversation_that_used_up_its_burst_gets_posts_back_as_time_passes()
    {
        // The post buckets refill from the rate limiter's own heartbeat (no timer per conversation): a limited
        // conversation is admitted again once a token came back, at the configured rate.
        using var factory = new ChatSupportFactory(botMode: "echo")
        {
            Settings = new Dictionary<string, string>
            {
                ["ChatSupport:DirectLine:RateLimits:PostBurst"] = "2",
                ["ChatSupport:DirectLine:RateLimits:PostsPerMinute"] = "60",
            },
        };
        var person = await DirectLineClient.StartAsync(factory);
        var path = $"/v3/directline/conversations/{person.ConversationId}/activities";
        var body = JsonSerializer.Serialize(new { type = "message", text = "あ" });
        var statuses = new List<HttpStatusCode>();
        while (statuses.Count < 10 && !statuses.Contains(HttpStatusCode.TooManyRequests))
        {
            statuses.Add((await person.SendRawAsync(HttpMethod.Post, path, body)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // One token a second: admitted again within a few seconds, and again after that.
        for (var admitted = 0; admitted < 2;)
        {
            var started = DateTime.UtcNow;
            while ((await person.SendRawAsync(HttpMethod.Post, path, body)).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "no token came back");
                await Task.Delay(50);
            }

            admitted++;
        }
    }

    [Fact]
    public async Task One_hundred_fifty_posts_in_a_moment_get_429_with_Retry_After_in_the_Direct_Line_error_shape_and_are_not_stored()
    {
        using var factory = new ChatSupportFactory();
        var person = await DirectLineClient.StartAsync(factory);
        var path = $"/v3/directline/conversations/{person.ConversationId}/activities";
        var body = JsonSerializer.Serialize(new { type = "message", text = "あ" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => person.SendRawAsync(HttpMethod.Post, path, body)));

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(150, accepted + refused.Count);
        Assert.InRange(accepted, 1, 40);
        Assert.True(refused.Count >= 110, $"{refused.Count} refused");
        foreach (var response in refused)
        {
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in whole seconds");
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(DirectLineErrorCodes.TooManyRequests, error.GetProperty("error").GetProperty("code").GetString());
        }

        var stored = (await factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(person.ConversationId!, 0, 1000))
            .Count(e => e.Direction == TranscriptDirection.Inbound);
        Assert.Equal(accepted, stored);

        // Another conversation is not limited by this one's flood.
        var other = await DirectLineClient.StartAsync(factory);
        await other.SayAsync("こんにちは");
    }

    [Fact]
    public async Task A_flood_in_one_conversation_does_not_delay_another()
    {
        var bot = new GatedBot();
        using var factory = new ChatSupportFactory { ExtraServices = services => services.AddSingleton<IBot>(bot) };
        var flooded = await DirectLineClient.StartAsync(factory);
        var calm = await DirectLineClient.StartAsync(factory);
        bot.Hold(flooded.ConversationId!);

        var path = $"/v3/directline/conversations/{flooded.ConversationId}/activities";
        var body = JsonSerializer.Serialize(new { type = "message", text = "flood" });
        var flood = Enumerable.Range(0, 150).Select(_ => flooded.SendRawAsync(HttpMethod.Post, path, body)).ToList();

        // The refusals come back at once; the accepted posts wait behind the held turn.
        await bot.WaitForTurnAsync(flooded.ConversationId!);
        var refusedSoFar = await WaitUntilAsync(() => flood.Count(t => t.IsCompleted), n => n >= 110);
        Assert.True(refusedSoFar >= 110, $"{refusedSoFar} flood posts finished while the turn was held");
        Assert.All(flood.Where(t => t.IsCompleted), t => Assert.Equal(HttpStatusCode.TooManyRequests, t.Result.StatusCode));

        // The calm conversation is answered while the flooded one is still held.
        var id = await calm.SayAsync("こんにちは");
        Assert.Contains((await calm.GetActivitiesAsync()).Activities, a => a.ReplyToId == id && a.Text == "echo: こんにちは");
        Assert.Contains(flood, t => !t.IsCompleted);

        bot.Release(flooded.ConversationId!);
        var all = await Task.WhenAll(flood);
        var accepted = all.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(accepted, 1, 40);
        var replies = (await flooded.GetActivitiesAsync()).Activities.Count(a => a.Text == "echo: flood");
        Assert.Equal(accepted, replies);
    }

    [Fact]
    public async Task The_turn_gate_refuses_more_than_its_bound_of_turns_for_one_conversation_and_admits_others()
    {
        var gate = new ConversationTurnGate(maxTurnsPerKey: 3);
        var held = await gate.EnterAsync("a", CancellationToken.None);
        var waiting = new[] { gate.EnterAsync("a", CancellationToken.None), gate.EnterAsync("a", CancellationToken.None) };
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.False(gate.HasRoom("a"));
        await Assert.ThrowsAsync<TurnGateFullException>(() => gate.EnterAsync("a", CancellationToken.None));
        Assert.True(gate.HasRoom("b"));
        (await gate.EnterAsync("b", CancellationToken.None)).Dispose();

        held.Dispose();
        (await waiting[0]).Dispose();
        (await waiting[1]).Dispose();
        Assert.True(gate.HasRoom("a"));
    }

    private static async Task<int> WaitUntilAsync(Func<int> read, Func<int, bool> done)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var value = read();
        while (!done(value) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
            value = read();
        }

        return value;
    }

    /// <summary>Echoes, but holds every turn of a chosen conversation until released.</summary>
    private sealed class GatedBot : IBot
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new(StringComparer.Ordinal);

        public void Hold(string conversationId)
        {
            _held[conversationId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered[conversationId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release(string conversationId) => _held[conversationId].TrySetResult();

        public Task WaitForTurnAsync(string conversationId) => _entered[conversationId].Task.WaitAsync(TimeSpan.FromSeconds(20));

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (!turnContext.Activity.IsType(ActivityTypes.Message))
            {
                return;
            }

            var id = turnContext.Activity.Conversation!.Id!;
            if (_held.TryGetValue(id, out var hold))
            {
                _entered[id].TrySetResult();
                await hold.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            await turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, cancellationToken);
        }
    }
}
