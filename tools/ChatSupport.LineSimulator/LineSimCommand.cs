using System.Globalization;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Tools.Line;

/// <summary>
/// The LINE simulator on the command line (<c>dotnet run --project tools/ChatSupport.LineSimulator -- …</c>): a LINE stand-in. It serves the Messaging API on
/// <c>--port</c> (point the bot's <c>ChatSupport__Line__ApiBaseUrl</c> at it), sends signed
/// webhooks to <c>--bot</c> for what you type, and prints what the bot sent.
/// </summary>
public static class LineSimCommand
{
    private const string Usage = """
        usage: dotnet run --project tools/ChatSupport.LineSimulator -- --secret SECRET --token TOKEN [--bot http://localhost:5080] [--port 5090] [--user Uxxxxxxxx…] [--spec path/to/contract.yaml]
          then type a message, or: /follow  /unfollow  /sticker  /image  /postback DATA  /redeliver  /calls  /quit
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!options.TryGetValue("secret", out var secret) || !options.TryGetValue("token", out var token))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var botUrl = options.GetValueOrDefault("bot", "http://localhost:5080");
        var port = int.Parse(options.GetValueOrDefault("port", "5090"), CultureInfo.InvariantCulture);
        var user = options.GetValueOrDefault("user") ?? LineSimulator.NewUserId();
        var specPath = options.GetValueOrDefault("spec");
        var schemas = specPath is null ? OpenApiSchemas.Contract : OpenApiSchemas.Load(specPath);
        var specName = specPath ?? OpenApiSchemas.ContractFile;
        using var botHttp = new HttpClient { BaseAddress = new Uri(botUrl) };
        var simulator = new LineSimulator(secret, token, () => botHttp, schemas);
        simulator.Received += call =>
        {
            lock (stdout)
            {
                var who = call.Path.EndsWith("/reply", StringComparison.Ordinal) ? "reply" : call.Path.EndsWith("/push", StringComparison.Ordinal) ? "push" : call.Path;
                if (call.SchemaErrors.Count > 0)
                {
                    stdout.WriteLine($"!! {who}: {call.Status}, not valid against {specName}:\n   " + string.Join("\n   ", call.SchemaErrors));
                    return;
                }

                foreach (var message in (call.Body?["messages"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    stdout.WriteLine($"bot ({who}, {call.Status}): {LineSimulator.Render(message)}");
                }

                if (call.Path.EndsWith("/loading/start", StringComparison.Ordinal))
                {
                    stdout.WriteLine("bot: … (loading animation)");
                }
            }
        };

        var builder = WebApplication.CreateSlimBuilder([]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var (status, answer) = simulator.HandleApi(request.Path, request.Headers.Authorization.ToString(), request.Headers[LineMessagingClient.RetryKeyHeader].FirstOrDefault(), body);
            return Results.Text(answer, "application/json", statusCode: status);
        });
        app.StartAsync().GetAwaiter().GetResult();
        stdout.WriteLine($"LINE simulator: Messaging API on http://127.0.0.1:{port}, webhooks to {botUrl}{LineWebhook.Path}, user {user}.");
        stdout.WriteLine($"Request bodies are checked against {specName}.");
        stdout.WriteLine("Type a message, or /follow /unfollow /sticker /image /postback DATA /redeliver /calls /quit.");

        JsonObject? last = null;
        string? line;
        while ((line = stdin.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line == "/quit")
            {
                break;
            }

            if (line == "/calls")
            {
                foreach (var call in simulator.Calls)
                {
                    stdout.WriteLine($"{call.At:HH:mm:ss} {call.Path} {call.Status} retryKey={call.RetryKey ?? "-"}");
                }

                continue;
            }

            var e = line switch
            {
                "/follow" => simulator.FollowEvent(user),
                "/unfollow" => simulator.UnfollowEvent(user),
                "/sticker" => simulator.StickerEvent(user),
                "/image" => simulator.ImageEvent(user),
                "/redeliver" when last is not null => LineSimulator.Redelivery(last),
                _ when line.StartsWith("/postback ", StringComparison.Ordinal) => simulator.PostbackEvent(user, line["/postback ".Length..]),
                _ => simulator.TextEvent(user, line),
            };
            last = e;
            try
            {
                using var response = simulator.SendAsync(e).GetAwaiter().GetResult();
                stdout.WriteLine($"(webhook {(int)response.StatusCode})");
            }
            catch (HttpRequestException ex)
            {
                stderr.WriteLine($"The bot at {botUrl} did not answer: {ex.Message}");
            }
        }

        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }
}
