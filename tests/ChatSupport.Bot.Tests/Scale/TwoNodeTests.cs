using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Scale;

/// <summary>
/// Two nodes of the real host on one PostgreSQL database and one Redis (private servers), as behind a load balancer:
/// what happens on one node is seen, accepted and delivered on the other.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Reply = "話してくれてありがとう。ここにいるよ。";

    [ScaleFact]
    public async Task A_person_on_one_node_and_counselors_on_both_one_claim_wins_the_reply_reaches_the_stream_and_sessions_work_on_both()
    {
        var settings = await SharedSettingsAsync();
        await using var nodeA = ConsoleClient.NewFactory(settings: settings);
        await using var nodeB = ConsoleClient.NewFactory(settings: settings);
        _ = nodeA.Server;
        _ = nodeB.Server;
        await ConsoleClient.AddAccountAsync(nodeA, "sato", "counselor");
        await ConsoleClient.AddAccountAsync(nodeB, "suzuki", "counselor");

        // The console on node B hears of the request made on node A.
        var heardOnB = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = nodeB.Services.GetRequiredService<IEventBus>()
            .Subscribe<HandoffRequested>((e, _) => { heardOnB.TrySetResult(e.ConversationId); return Task.CompletedTask; });

        var person = await DirectLineClient.StartAsync(nodeA);
        using var stream = await DirectLineStream.ConnectAsync(nodeA, person.StreamUrl!);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        Assert.Equal(person.ConversationId, await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        // A console cookie and a bearer token made on node A are accepted on node B (shared Data Protection keys).
        var cookie = await SignInAsync(nodeA, "sato", bearer: false);
        var satoOnB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        satoOnB.DefaultRequestHeaders.Add("Cookie", cookie);
        var queue = await (await satoOnB.GetAsync("/api/console/queue")).JsonAsync();
        Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("conversationId").GetString() == person.ConversationId);
        var token = await SignInAsync(nodeA, "suzuki", bearer: true);
        var suzukiOnB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        suzukiOnB.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await suzukiOnB.GetAsync("/api/console/queue")).StatusCode);
        var suzukiOnA = nodeA.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        suzukiOnA.DefaultRequestHeaders.Authorization = new("Bearer", token);

        // One claim across nodes: one 200, one 409.
        var claims = await Task.WhenAll(
            satoOnB.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null),
            suzukiOnA.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], claims.Select(c => c.StatusCode).Order());

        // The counselor writes on node B; the person's WebSocket stream on node A shows it.
        var holderOnB = claims[0].StatusCode == HttpStatusCode.OK ? satoOnB : suzukiOnB;
        Assert.Equal(HttpStatusCode.OK, (await holderOnB.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = Reply })).StatusCode);
        await ReadUntilAsync(stream, Reply);
    }

    [ScaleFact]
    public async Task A_conversation_posting_through_both_nodes_gets_its_burst_once_not_once_per_node()
    {
        var settings = await SharedSettingsAsync();
        settings["ChatSupport:DirectLine:RateLimits:PostBurst"] = "4";
        settings["ChatSupport:DirectLine:RateLimits:PostsPerMinute"] = "1";
        await using var nodeA = ConsoleClient.NewFactory(settings: settings);
        await using var nodeB = ConsoleClient.NewFactory(settings: settings);
        var onA = await DirectLineClient.StartAsync(nodeA);
        var onB = new DirectLineClient(nodeB);

        // A load balancer sends the same conversation's posts to either node, turn about: each node alone would
        // allow 4, so 8 would pass if the buckets were per node.
        var statuses = new List<(string Text, HttpStatusCode Status)>();
        for (var i = 0; i < 8; i++)
        {
            var via = i % 2 == 0 ? onA : onB;
            var text = $"rate-{i}";
            var json = JsonSerializer.Serialize(new { type = "message", from = new { id = "whoever" }, text });
            using var response = await via.SendRawAsync(HttpMethod.Post, $"/v3/directline/conversations/{onA.ConversationId}/activities", json, onA.Token);
            statuses.Add((text, response.StatusCode));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "a refusal without Retry-After");
            }
        }

        var accepted = statuses.Count(s => s.Status == HttpStatusCode.OK);
        Assert.InRange(accepted, 4, 5); // 4 at once, plus at most one refilled if a minute passed
        Assert.All(statuses, s => Assert.Contains(s.Status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(statuses.Skip(4), s => s.Status == HttpStatusCode.TooManyRequests);

        // Nothing refused was stored.
        var stored = (await onA.GetActivitiesAsync()).Activities.Where(a => a.From?.Role != BotKit.Activities.RoleTypes.Bot).Select(a => a.Text).ToHashSet();
        foreach (var (text, status) in statuses)
        {
            Assert.Equal(status == HttpStatusCode.OK, stored.Contains(text));
        }
    }

    [ScaleFact]
    public async Task A_client_guessing_passwords_through_both_nodes_gets_its_failures_once_not_once_per_node()
    {
        var settings = await SharedSettingsAsync();
        settings["ChatSupport:Console:SignInFailuresPerClient"] = "4";
        settings["ChatSupport:Console:SignInFailuresPerClientPerMinute"] = "1";
        await using var nodeA = ConsoleClient.NewFactory(settings: settings);
        await using var nodeB = ConsoleClient.NewFactory(settings: settings);
        await ConsoleClient.AddAccountAsync(nodeA, "sato", "counselor");

        // Wrong passwords from one address, turn about on either node: each node alone would allow 4 failures.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var via = (i % 2 == 0 ? nodeA : nodeB).CreateClient();
            statuses.Add((await via.PostAsJsonAsync("/api/console/session", new { user = $"guess{i}", password = "not the password" })).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), 4, 5); // 4, plus at most one refilled if a minute passed
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // The right password waits on both nodes: the client is throttled, not the account.
        foreach (var node in new[] { nodeA, nodeB })
        {
            var refused = await node.CreateClient().PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
    }

    private static async Task<Dictionary<string, string>> SharedSettingsAsync()
    {
        var postgres = await PrivateServers.PostgresAsync();
        var redis = await PrivateServers.RedisAsync();
        return new Dictionary<string, string>
        {
            ["ChatSupport:Storage:Provider"] = "postgres",
            ["ChatSupport:Storage:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["ChatSupport:Redis:Configuration"] = redis.Configuration,
            ["ChatSupport:Redis:Prefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        };
    }

    private static async Task<string> SignInAsync(ChatSupportFactory node, string user, bool bearer)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/console/session", new { user, password = ConsoleClient.Password, mode = bearer ? "token" : "cookie" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return bearer
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!
            : string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static async Task ReadUntilAsync(WebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!(await DirectLineStream.ReceiveAsync(socket, timeout.Token)).Any(a => a.TryGetProperty("text", out var t) && t.GetString() == text))
        {
        }
    }
}
