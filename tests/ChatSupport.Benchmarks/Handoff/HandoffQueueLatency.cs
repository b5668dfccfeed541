using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.BotKit.Turns;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Benchmarks.Handoff;

/// <summary>
/// Time from a critical message arriving (Direct Line POST) to the console's queue showing it, over
/// many conversations on one node (real host on Kestrel, loopback, SQLite file, Release build).
/// "Event" = the live console event (<c>/api/console/events</c>, what the console pages react to);
/// "visible" = that event plus <c>GET /api/console/queue</c> listing the conversation.
/// usage: handoff-latency [conversations=300] [concurrency=8]
/// </summary>
public static class HandoffQueueLatency
{
    private const string Password = "benchmark password 0123";

    public static async Task RunAsync(string[] args)
    {
        var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatSupport.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHATSUPPORT_BOT", Path.Combine(root?.FullName ?? ".", "bot"));
        await using var factory = new ChatSupportFactory
        {
            ExtraServices = s =>
            {
                s.AddSingleton<TimeProvider>(TimeProvider.System);
                s.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            },
        };
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.ClientOptions.BaseAddress;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={factory.DatabasePath}" })
            .Build();
        await AccountsCommand.RunAsync(["add", "--user", "bench", "--role", "supervisor", "--password-stdin"], new StringReader(Password), TextWriter.Null, Console.Error, configuration);

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        var signIn = await http.PostAsJsonAsync("/api/console/session", new { user = "bench", password = Password, mode = "token" });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var console = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        console.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The console's live feed: note when each conversation's "requested" event arrives.
        var seen = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        TaskCompletionSource<long> Waiter(string id) => seen.GetOrAdd(id, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        using var stop = new CancellationTokenSource();
        var feed = await console.GetAsync("/api/console/events", HttpCompletionOption.ResponseHeadersRead);
        var reader = Task.Run(async () =>
        {
            using var stream = new StreamReader(await feed.Content.ReadAsStreamAsync(stop.Token));
            while (await stream.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using var e = JsonDocument.Parse(line[6..]);
                    if (e.RootElement.GetProperty("type").GetString() == "requested")
                    {
                        Waiter(e.RootElement.GetProperty("conversationId").GetString()!).TrySetResult(Stopwatch.GetTimestamp());
                    }
                }
            }
        });

        var eventMs = new ConcurrentBag<double>();
        var visibleMs = new ConcurrentBag<double>();
        var warmup = Math.Min(20, conversations / 10);
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations + warmup), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var (conversationId, personToken) = await StartAsync(http, ct);
            var waiter = Waiter(conversationId);
            var body = JsonSerializer.Serialize(new { type = "message", from = new { id = "p" }, text = "もう無理。今から死ぬ", locale = "ja-JP" });
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", personToken);
            var start = Stopwatch.GetTimestamp();
            var posting = http.SendAsync(post, ct);
            var arrived = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            var queue = await console.GetFromJsonAsync<JsonElement>("/api/console/queue", ct);
            if (!queue.EnumerateArray().Any(q => q.GetProperty("conversationId").GetString() == conversationId && q.GetProperty("priority").GetString() == "critical"))
            {
                throw new InvalidOperationException("The queue did not show the critical conversation.");
            }

            var visible = Stopwatch.GetTimestamp();
            (await posting).EnsureSuccessStatusCode();
            if (i >= warmup)
            {
                eventMs.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
                visibleMs.Add(Stopwatch.GetElapsedTime(start, visible).TotalMilliseconds);
            }
        });
        await stop.CancelAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handoff queue latency: {eventMs.Count} critical conversations, concurrency {concurrency}, queue length up to {conversations + warmup}"));
        Console.WriteLine(Line("console event", eventMs));
        Console.WriteLine(Line("queue visible (event + GET /queue)", visibleMs));
    }

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient http, CancellationToken ct)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChatSupportFactory.Secret);
        var conversation = await (await http.SendAsync(generate, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var token = conversation.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(start, ct)).EnsureSuccessStatusCode();
        return (conversation.GetProperty("conversationId").GetString()!, token);
    }

    private static string Line(string label, ConcurrentBag<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"  {label}: p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms");
    }
}
