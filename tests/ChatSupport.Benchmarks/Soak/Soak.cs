using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Benchmarks.Soak;

/// <summary>
/// Minutes of mixed traffic against one node, as a separate process on loopback (the Release build of bot/, Production
/// environment, its own SQLite file): Direct Line conversations with the consultation bot (start, messages, a stream,
/// reading back, some quick exits), LINE webhooks answered through a simulated Messaging API, and a supervisor's
/// console reads. Every 10 s it samples the node's resident memory, open file descriptors and threads from /proc, and
/// at the end compares the last samples with the first ones after warm-up. Bounded by minutes and by rounds.
/// usage: soak [minutes=3] [maxRounds=20000]   (Linux; build bot/ in Release first)
/// </summary>
public static class Soak
{
    private const string Password = "soak password 0123456789";
    private const string LineSecret = "soak-line-channel-secret-0123456789";
    private const string LineToken = "soak-line-access-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var maxRounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatSupport.sln")))
        {
            root = root.Parent;
        }

        var botDll = Path.Combine(root?.FullName ?? ".", "bot", "bin", "Release", "net10.0", "ChatSupport.Bot.dll");
        if (!File.Exists(botDll))
        {
            Console.Error.WriteLine($"{botDll} not found: build bot/ in Release first.");
            return 1;
        }

        var work = System.IO.Directory.CreateTempSubdirectory("chatsupport-soak-");
        var database = Path.Combine(work.FullName, "soak.db");
        var secret = "soak-secret-" + Guid.NewGuid().ToString("N");
        var accounts = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={database}" }).Build();
        await AccountsCommand.RunAsync(["add", "--user", "soak", "--role", "supervisor", "--password-stdin"], new StringReader(Password), TextWriter.Null, Console.Error, accounts);

        // The LINE Messaging API, simulated on loopback (the node sends its replies and pushes here).
        var port = FreePort();
        using var botHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var simulator = new LineSimulator(LineSecret, LineToken, () => botHttp);
        var lineApi = FakeLineApi(simulator);
        await lineApi.StartAsync();
        var lineUrl = lineApi.Urls.First();

        var start = new ProcessStartInfo("dotnet", [botDll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.GetDirectoryName(botDll)!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ChatSupport__DirectLine__Secret"] = secret;
        start.Environment["ChatSupport__Storage__ConnectionString"] = $"Data Source={database}";
        start.Environment["ChatSupport__Line__ChannelSecret"] = LineSecret;
        start.Environment["ChatSupport__Line__ChannelAccessToken"] = LineToken;
        start.Environment["ChatSupport__Line__ApiBaseUrl"] = lineUrl;
        start.Environment["ChatSupport__Line__LoadingAnimation"] = "false";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(work.FullName, "keys");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var node = Process.Start(start)!;
        node.OutputDataReceived += (_, _) => { };
        node.ErrorDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = botHttp.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            await WaitReadyAsync(http);
            var signIn = await http.PostAsJsonAsync("/api/console/session", new { user = "soak", password = Password, mode = "token" });
            var consoleToken = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            using var console = new HttpClient { BaseAddress = botHttp.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            console.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", consoleToken);

            var lineUsers = Enumerable.Range(0, 20).Select(_ => LineSimulator.NewUserId()).ToArray();
            var samples = new List<Sample>();
            var clock = Stopwatch.StartNew();
            var nextSample = TimeSpan.Zero;
            var errors = 0;
            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            var rounds = 0;
            string[] texts = ["こんにちは", "最近ちょっと眠れない", "相談先を知りたい", "学校いきたくない", "ありがとう"];
            while (clock.Elapsed < TimeSpan.FromMinutes(minutes) && rounds < maxRounds)
            {
                if (clock.Elapsed >= nextSample)
                {
                    samples.Add(Sample.Of(node.Id, clock.Elapsed, rounds));
                    nextSample += TimeSpan.FromSeconds(10);
                }

                var round = rounds++;
                var work1 = DirectLineRoundAsync(http, secret, texts[round % texts.Length], quickExit: round % 5 == 0);
                var work2 = simulator.SendAsync(simulator.TextEvent(lineUsers[round % lineUsers.Length], texts[(round + 2) % texts.Length]));
                var work3 = console.GetAsync(round % 2 == 0 ? "/api/console/queue" : "/api/console/dashboard");
                try
                {
                    await Task.WhenAll(work1, work2, work3);
                    if (!(await work2).IsSuccessStatusCode || !(await work3).IsSuccessStatusCode)
                    {
                        errors++;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or WebSocketException or TaskCanceledException or InvalidOperationException)
                {
                    errors++;
                    kinds[ex.GetType().Name + ": " + ex.Message] = kinds.GetValueOrDefault(ex.GetType().Name + ": " + ex.Message) + 1;
                }
            }

            samples.Add(Sample.Of(node.Id, clock.Elapsed, rounds));
            Report(samples, rounds, errors, simulator.Calls.Count);
            foreach (var (kind, count) in kinds)
            {
                Console.WriteLine($"error x{count}: {kind}");
            }

            return 0;
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }

            await lineApi.StopAsync();
            await lineApi.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    /// <summary>One person on Direct Line: start (secret holder), open the stream, three messages, read back; some leave with quick exit.</summary>
    private static async Task DirectLineRoundAsync(HttpClient http, string secret, string text, bool quickExit)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = conversation.GetProperty("conversationId").GetString()!;
        var token = conversation.GetProperty("token").GetString()!;
        var streamUrl = conversation.GetProperty("streamUrl").GetString()!;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        foreach (var message in new[] { text, "うん", "またね" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text = message, locale = "ja-JP" }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.SendAsync(post)).EnsureSuccessStatusCode();
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(read)).EnsureSuccessStatusCode();
        if (!quickExit)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return;
        }

        // Quick exit: the server revokes the token and closes the stream itself ("conversation closed").
        using var exit = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/exit");
        exit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(exit)).EnsureSuccessStatusCode();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[16 * 1024];
        while ((await socket.ReceiveAsync(buffer, wait.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        if (socket.CloseStatusDescription != "conversation closed")
        {
            throw new InvalidOperationException("The stream was not closed by the quick exit.");
        }
    }

    private static WebApplication FakeLineApi(LineSimulator simulator)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var (status, answer) = simulator.HandleApi(request.Path, request.Headers.Authorization.ToString(), request.Headers["X-Line-Retry-Key"].ToString() is { Length: > 0 } key ? key : null, body);
            return Results.Content(answer, "application/json", statusCode: status);
        });
        return app;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The node did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Report(List<Sample> samples, int rounds, int errors, int lineCalls)
    {
        Console.WriteLine("elapsed_s  rounds  rss_mb  fds  threads");
        foreach (var s in samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Elapsed.TotalSeconds,9:F0}  {s.Rounds,6}  {s.RssMb,6:F1}  {s.Fds,3}  {s.Threads,7}"));
        }

        // Warm-up: the first third of the samples (JIT, caches, pools); then compare the first and last third.
        var third = Math.Max(1, samples.Count / 3);
        var early = samples.Skip(third).Take(third).ToList();
        var late = samples.TakeLast(third).ToList();
        double rssEarly = early.Average(s => s.RssMb), rssLate = late.Average(s => s.RssMb);
        double fdEarly = early.Average(s => s.Fds), fdLate = late.Average(s => s.Fds);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"rounds={rounds} errors={errors} line_api_calls={lineCalls} rss_mb {rssEarly:F1} -> {rssLate:F1} ({(rssLate - rssEarly) / rssEarly:P0}) fds {fdEarly:F0} -> {fdLate:F0}"));
    }

    private sealed record Sample(TimeSpan Elapsed, int Rounds, double RssMb, int Fds, int Threads)
    {
        public static Sample Of(int pid, TimeSpan elapsed, int rounds)
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            double Field(string name) => double.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return new Sample(elapsed, rounds, Field("VmRSS") / 1024, System.IO.Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length, (int)Field("Threads"));
        }
    }
}
