using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>One request the fake server received.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, string Body);

/// <summary>
/// An OpenAI-compatible chat completions server on loopback (Kestrel on 127.0.0.1, a free port), for the SDK path.
/// Answers with <see cref="Content"/> as the assistant message, or with <see cref="Status"/> when it is not 200,
/// after <see cref="Delay"/>; <see cref="RawBody"/> replaces the whole HTTP body.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The OpenAI-compatible base URL (…/v1), as ChatSupport:Triage:Endpoint.</summary>
    public string Endpoint => BaseUrl + "/v1";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Content { get; set; } = """{"level":"high","categories":["suicidal"],"rationale":"希死念慮の表現がある。","confidence":0.8}""";

    public int Status { get; set; } = 200;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, every answer waits until it completes (a test decides when the AI answers, not the wall clock).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public string? RawBody { get; set; }

    /// <summary>When set, the assistant message is computed from the request's messages (system and user text joined).</summary>
    public Func<string, string>? Answer { get; set; }

    public string ServedModel { get; set; } = "fake-model-1";

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            server!.Requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            if (server.Hold is { } hold)
            {
                try
                {
                    await hold.Task.WaitAsync(context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (server.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(server.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = server.Status;
            context.Response.ContentType = "application/json";
            if (server.RawBody is not null)
            {
                await context.Response.WriteAsync(server.RawBody);
                return;
            }

            if (server.Status != 200)
            {
                await context.Response.WriteAsync("""{"error":{"message":"upstream down","type":"server_error"}}""");
                return;
            }

            var completion = new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1767780000,
                model = server.ServedModel,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = server.Answer is { } answer ? answer(MessagesOf(body)) : server.Content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            };
            await context.Response.WriteAsync(JsonSerializer.Serialize(completion));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeOpenAiServer(app, address.TrimEnd('/'));
        return server;
    }

    private static string MessagesOf(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return string.Join("\n", doc.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : c.ToString()));
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (fails after 15 s).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Requests.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} requests at the fake AI server, got {Requests.Count}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Collects formatted log lines (to check that no text is logged, ETH-11).</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId Event, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
}
