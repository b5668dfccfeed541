using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using ChatSupport.Bot.Telemetry;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatSupport.Bot.Tests.Telemetry;

/// <summary>
/// The host's own OpenTelemetry set-up (OTLP and Prometheus switched on), with in-memory exporters beside it:
/// a real Direct Line conversation, a crisis message, a stream and a counselor's claim leave metrics and spans
/// that carry none of what the person wrote, their user id, the conversation id or the token.
/// </summary>
/// <remarks>
/// Runs alone (<see cref="TelemetryCollection"/>): the activity source is process-wide and the OpenTelemetry
/// listeners take up instruments of every host in the process, so hosts of other tests running beside it would add
/// their own turns, spans and stream closings (a stream opened before the listener began and closed after it
/// counts as -1) to what this host exported.
/// </remarks>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryPrivacyTests
{
    private const string SecretText = "テレメトリ秘密XYZ789の相談";
    private const string CrisisText = "死にたい。今から飛び降りる";

    private static readonly Dictionary<string, string> Enabled = new()
    {
        // Nothing listens there (port 9 is "discard"); the exporters run as in production and fail quietly.
        ["ChatSupport:Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9",
        ["ChatSupport:Telemetry:Otlp:Protocol"] = "http",
        ["ChatSupport:Telemetry:Prometheus:Enabled"] = "true",
    };

    [Fact]
    public async Task Exported_metrics_and_spans_hold_no_text_user_id_conversation_id_or_token_and_count_turns_and_crisis_replies()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        using var factory = new ChatSupportFactory
        {
            Settings = Enabled,
            ExtraServices = services => services.AddOpenTelemetry()
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithTracing(t => t.AddInMemoryExporter(spans)),
        };
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");

        var person = await DirectLineClient.StartAsync(factory);
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(factory.Server.BaseAddress, new Uri(person.StreamUrl!).PathAndQuery), CancellationToken.None);
        await person.SayAsync(SecretText);
        await person.SayAsync(CrisisText);
        var userId = (await person.GetActivitiesAsync()).Activities.First(a => a.From?.Role == "user").From!.Id!;

        var waiting = await DirectLineClient.StartAsync(factory);
        await waiting.SayAsync("人と話したい");
        var sato = await ConsoleClient.SignInAsync(factory, "sato");
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{waiting.ConversationId}/claim", null)).StatusCode);

        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var streamsWhileOpen = Sum(metrics, "chatsupport.directline.streams");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        // The stream's request span (its address held the token) ends when the server lets the socket go.
        var tracer = factory.Services.GetRequiredService<TracerProvider>();
        for (var i = 0; i < 100 && !spans.Any(IsStreamSpan); i++)
        {
            await Task.Delay(50);
            tracer.ForceFlush();
        }

        Assert.Contains(spans, IsStreamSpan);

        // What an operator needs was recorded.
        Assert.True(Sum(metrics, "chatsupport.turns", ("channel", "directline"), ("outcome", "ok")) >= 4);
        Assert.True(Sum(metrics, "chatsupport.crisis.replies", ("level", "critical")) + Sum(metrics, "chatsupport.crisis.replies", ("level", "high")) >= 1);
        Assert.True(Sum(metrics, "chatsupport.handoff.requests") >= 1);
        Assert.True(Count(metrics, "chatsupport.handoff.time_to_claim") >= 1);
        Assert.True(streamsWhileOpen >= 1);
        Assert.Contains(spans, s => s.OperationName == "turn" && Equals(s.GetTagItem("channel"), "directline"));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/v3/directline/conversations/{conversationId}/activities"));

        // And nothing of the person's.
        string[] secrets = [SecretText, "XYZ789", "飛び降りる", userId, person.ConversationId!, person.Token!, waiting.ConversationId!, waiting.Token!, "sato"];
        foreach (var text in MetricStrings(metrics).Concat(SpanStrings(spans)))
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"exported telemetry holds a personal value: {text}");
            }
        }
    }

    [Fact]
    public async Task Prometheus_is_served_only_on_the_operators_loopback_port_never_on_the_public_path()
    {
        using var factory = new ChatSupportFactory { Settings = Enabled };
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync(SecretText);

        var anonymous = await factory.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.DoesNotContain("chatsupport_turns", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fromOutside = await Scrape(factory, port: 9464, IPAddress.Parse("203.0.113.7"));
        Assert.Equal(StatusCodes.Status404NotFound, fromOutside.Response.StatusCode);
        var publicPort = await Scrape(factory, port: 8080, IPAddress.Loopback);
        Assert.Equal(StatusCodes.Status404NotFound, publicPort.Response.StatusCode);

        var operator_ = await Scrape(factory, port: 9464, IPAddress.Loopback);
        Assert.Equal(StatusCodes.Status200OK, operator_.Response.StatusCode);
        var body = await new StreamReader(operator_.Response.Body).ReadToEndAsync();
        Assert.Contains("chatsupport_turns_total{", body, StringComparison.Ordinal);
        Assert.Contains("chatsupport_turn_duration_seconds_bucket{", body, StringComparison.Ordinal);
        Assert.Contains("chatsupport_handoff_queue_length{", body, StringComparison.Ordinal);
        Assert.DoesNotContain(person.ConversationId!, body, StringComparison.Ordinal);
        Assert.DoesNotContain("XYZ789", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scrape_predicate_refuses_forwarded_requests_and_other_paths()
    {
        var options = new TelemetryOptions { PrometheusEnabled = true };
        Assert.True(TelemetryExtensions.IsOperatorScrape(Context("/metrics", 9464, IPAddress.Loopback), options));
        Assert.True(TelemetryExtensions.IsOperatorScrape(Context("/metrics", 9464, IPAddress.IPv6Loopback), options));
        var forwarded = Context("/metrics", 9464, IPAddress.Loopback);
        forwarded.Request.Headers["X-Forwarded-For"] = "198.51.100.4";
        Assert.False(TelemetryExtensions.IsOperatorScrape(forwarded, options));
        var proxied = Context("/metrics", 9464, IPAddress.Loopback);
        proxied.Request.Headers["Forwarded"] = "for=198.51.100.4";
        Assert.False(TelemetryExtensions.IsOperatorScrape(proxied, options));
        var unwrapped = Context("/metrics", 9464, IPAddress.Loopback);
        unwrapped.Request.Headers["X-Original-For"] = "127.0.0.1:50000";
        Assert.False(TelemetryExtensions.IsOperatorScrape(unwrapped, options));
        Assert.False(TelemetryExtensions.IsOperatorScrape(Context("/metrics", 8080, IPAddress.Loopback), options));
        Assert.False(TelemetryExtensions.IsOperatorScrape(Context("/metrics", 9464, IPAddress.Parse("10.0.0.5")), options));
        Assert.False(TelemetryExtensions.IsOperatorScrape(Context("/v3/directline/conversations", 9464, IPAddress.Loopback), options));
        Assert.False(TelemetryExtensions.IsOperatorScrape(Context("/metrics", 9464, IPAddress.Loopback), new TelemetryOptions()));
    }

    private static bool IsStreamSpan(Activity span) =>
        span.Kind == ActivityKind.Server && Equals(span.GetTagItem("http.route"), "/v3/directline/conversations/{conversationId}/stream");

    private static DefaultHttpContext Context(string path, int port, IPAddress remote)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.LocalPort = port;
        context.Connection.RemoteIpAddress = remote;
        return context;
    }

    private static Task<HttpContext> Scrape(ChatSupportFactory factory, int port, IPAddress remote) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/metrics";
            context.Connection.LocalPort = port;
            context.Connection.RemoteIpAddress = remote;
        });

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static bool Has(MetricPoint point, (string Key, string Value)[] tags)
    {
        var present = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            present[tag.Key] = tag.Value;
        }

        return tags.All(t => present.TryGetValue(t.Key, out var v) && Equals(v, t.Value));
    }

    /// <summary>The latest cumulative value of a counter over the points with these tags.</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        var latest = metrics.LastOrDefault(m => m.Name == name);
        if (latest is null)
        {
            return 0;
        }

        return latest.MetricPoints.Where(p => Has(p, tags)).Sum(p => latest.MetricType.IsSum() ? p.GetSumLong() : p.GetGaugeLastValueLong());
    }

    private static long Count(List<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name)?.MetricPoints.Sum(p => p.GetHistogramCount()) ?? 0;

    private static IEnumerable<string> MetricStrings(List<MetricSnapshot> metrics)
    {
        foreach (var metric in metrics)
        {
            yield return metric.Name;
            yield return metric.Description;
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    yield return $"{metric.Name} {tag.Key}={tag.Value}";
                }
            }
        }
    }

    private static IEnumerable<string> SpanStrings(List<Activity> spans)
    {
        foreach (var span in spans)
        {
            yield return span.DisplayName;
            yield return span.OperationName;
            yield return span.TraceStateString ?? string.Empty;
            yield return span.StatusDescription ?? string.Empty;
            foreach (var tag in span.TagObjects)
            {
                yield return $"{span.DisplayName} {tag.Key}={tag.Value}";
            }

            foreach (var e in span.Events)
            {
                yield return e.Name;
                foreach (var tag in e.Tags)
                {
                    yield return $"{e.Name} {tag.Key}={tag.Value}";
                }
            }

            foreach (var baggage in span.Baggage)
            {
                yield return $"{baggage.Key}={baggage.Value}";
            }
        }
    }
}

/// <summary>Tests that read what the process exports run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (runs alone)";
}
