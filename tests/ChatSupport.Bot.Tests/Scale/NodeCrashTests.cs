using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using Activity = ChatSupport.BotKit.Activities.Activity;

namespace ChatSupport.Bot.Tests.Scale;

/// <summary>
/// Two real host processes (the built ChatSupport.Bot) on one PostgreSQL and Redis. People talk to node 1 under load;
/// node 1 is killed with SIGKILL mid-load; every message that node 1 answered 200 is in the transcript read through node 2,
/// and every one of them is answered by the bot (turns cut off on node 1 are run by node 2), each exactly once.
/// </summary>
public sealed class NodeCrashTests
{
    private const string Secret = "node-crash-test-secret-0123456789abcdef";

    [ScaleFact]
    public async Task Kill_9_of_a_node_under_load_loses_no_accepted_message_and_leaves_none_unanswered()
    {
        var postgres = await PrivateServers.PostgresAsync();
        var redis = await PrivateServers.RedisAsync();
        var environment = new Dictionary<string, string>
        {
            ["ChatSupport__DirectLine__Secret"] = Secret,
            ["ChatSupport__Storage__Provider"] = "postgres",
            ["ChatSupport__Storage__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["ChatSupport__Redis__Configuration"] = redis.Configuration,
            ["ChatSupport__Redis__Prefix"] = "crash" + Guid.NewGuid().ToString("N")[..8],
            ["ChatSupport__Bot__Mode"] = "echo",

            // A stored message left unanswered this long counts as its node's death (two minutes in production).
            ["ChatSupport__DirectLine__RecoverAfter"] = "00:00:03",
        };

        using var node1 = await HostProcess.StartAsync(environment);
        using var node2 = await HostProcess.StartAsync(environment);

        var accepted = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        var conversations = new List<(string Id, string Token)>();
        for (var i = 0; i < 6; i++)
        {
            conversations.Add(await StartConversationAsync(node1.Http));
        }

        using var stop = new CancellationTokenSource();
        var load = conversations.Select(c => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var text = $"{c.Id[..6]}-{n}";
                try
                {
                    using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{c.Id}/activities")
                    {
                        Content = JsonContent.Create(new { type = "message", from = new { id = "person" }, text }),
                    };
                    post.Headers.Authorization = new("Bearer", c.Token);
                    using var response = await node1.Http.SendAsync(post, stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        accepted.GetOrAdd(c.Id, _ => []).Add(text);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the node is gone
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        node1.KillHard();
        await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        Assert.True(accepted.Values.Sum(b => b.Count) >= conversations.Count, "the load did not get going before the kill");

        // A 200 comes after the turn, so accepted messages were answered by node 1; the messages node 1 had stored but
        // was still answering when it died are answered by node 2 once RecoverAfter has passed (the echo bot repeats
        // each message), so within a bounded wait every stored message has exactly one reply.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var missing = 0;
            var twice = new List<string>();
            foreach (var (id, token) in conversations)
            {
                var activities = await ReadAllAsync(node2.Http, id, token);
                var stored = activities.Where(a => a.From?.Role != RoleTypes.Bot).Select(a => a.Text).ToHashSet(StringComparer.Ordinal);
                var replies = activities.Where(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message).GroupBy(a => a.Text ?? string.Empty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                foreach (var text in accepted.GetValueOrDefault(id) ?? [])
                {
                    Assert.Contains(text, stored); // nothing accepted is lost
                }

                // Every stored message, accepted or cut off by the kill before its 200, gets its one answer.
                foreach (var text in stored.OfType<string>())
                {
                    var count = replies.GetValueOrDefault(text);
                    missing += count == 0 ? 1 : 0;
                    if (count > 1)
                    {
                        twice.Add(text);
                    }
                }
            }

            Assert.Empty(twice);
            if (missing == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{missing} stored messages were never answered after node 1 died");
            await Task.Delay(500);
        }
    }

    private static async Task<List<Activity>> ReadAllAsync(HttpClient http, string id, string token)
    {
        var all = new List<Activity>();
        string? watermark = null;
        while (true)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities{(watermark is null ? string.Empty : "?watermark=" + watermark)}");
            get.Headers.Authorization = new("Bearer", token);
            var set = (await (await http.SendAsync(get)).Content.ReadFromJsonAsync<ActivitySet>(ActivityJson.Options))!;
            all.AddRange(set.Activities);
            if (set.Activities.Count == 0 || set.Watermark == watermark)
            {
                return all;
            }

            watermark = set.Watermark;
        }
    }

    private static async Task<(string Id, string Token)> StartConversationAsync(HttpClient http)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", Secret);
        var response = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = (await response.Content.ReadFromJsonAsync<DirectLineConversation>())!;
        return (conversation.ConversationId!, conversation.Token!);
    }

    /// <summary>The built host as a child process on a free loopback port; stopped (or killed) by its own pid.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;

        private HostProcess(Process process, int port)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        }

        public HttpClient Http { get; }

        public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
        {
            var hostDll = typeof(Program).Assembly.Location;
            var port = PrivateServers.FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            };
            start.ArgumentList.Add(hostDll);
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(hostDll)!;
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            PrivateServers.StopWhenThisProcessEnds(process);
            var node = new HostProcess(process, port);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                try
                {
                    if ((await node.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                    {
                        return node;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    node.Dispose();
                    throw new InvalidOperationException($"The host did not become ready (exit {(process.HasExited ? process.ExitCode : -1)}).");
                }

                await Task.Delay(250);
            }
        }

        public void KillHard()
        {
            _process.Kill(); // SIGKILL: no shutdown, no flush
            _process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            Http.Dispose();
            PrivateServers.Stop(_process);
            _process.Dispose();
        }
    }
}
