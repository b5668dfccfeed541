using System.Diagnostics;
using System.Net;
using ChatSupport.Domain.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatSupport.Bot.Telemetry;

/// <summary>Telemetry settings (<c>ChatSupport:Telemetry</c>); every exporter is off unless configured (docs/telemetry.md).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "ChatSupport:Telemetry";

    /// <summary>OTLP collector address (e.g. <c>http://127.0.0.1:4317</c>); when set, metrics and traces are exported there.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary><c>grpc</c> (default) or <c>http</c> (OTLP over HTTP/protobuf).</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>Serves the Prometheus text format on <see cref="PrometheusPath"/>, only on <see cref="PrometheusPort"/> and only to loopback callers.</summary>
    public bool PrometheusEnabled { get; init; }

    public string PrometheusPath { get; init; } = "/metrics";

    /// <summary>The operators' port; add it to the host's addresses bound to loopback (e.g. <c>http://127.0.0.1:9464</c>).</summary>
    public int PrometheusPort { get; init; } = 9464;

    public static TelemetryOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new TelemetryOptions
        {
            OtlpEndpoint = section["Otlp:Endpoint"] is { Length: > 0 } endpoint ? endpoint : null,
            OtlpProtocol = section["Otlp:Protocol"] ?? "grpc",
            PrometheusEnabled = section.GetValue("Prometheus:Enabled", false),
            PrometheusPath = section["Prometheus:Path"] is { Length: > 0 } path ? path : "/metrics",
            PrometheusPort = section.GetValue("Prometheus:Port", 9464),
        };
    }
}

public static class TelemetryExtensions
{
    /// <summary>
    /// The in-process meter and activity source (always), the queue gauges' refresher, and — only when an
    /// exporter is configured — the OpenTelemetry SDK with ASP.NET Core instrumentation scrubbed of paths and queries.
    /// </summary>
    public static WebApplicationBuilder AddChatSupportTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton<ChatSupportTelemetry>();
        services.TryAddSingleton<TurnTelemetryMiddleware>();
        services.AddHostedService<HandoffQueueObserver>();

        var options = TelemetryOptions.From(builder.Configuration);
        services.AddSingleton(options);
        if (options.OtlpEndpoint is null && !options.PrometheusEnabled)
        {
            return builder;
        }

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("chatsupport"));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(ChatSupportTelemetry.Name).AddAspNetCoreInstrumentation();
            if (options.OtlpEndpoint is { } endpoint)
            {
                metrics.AddOtlpExporter(o => ConfigureOtlp(o, endpoint, options.OtlpProtocol, "v1/metrics"));
            }

            if (options.PrometheusEnabled)
            {
                metrics.AddPrometheusExporter();
            }
        });

        if (options.OtlpEndpoint is { } traceEndpoint)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(ChatSupportTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.EnrichWithHttpRequest = (activity, _) => ScrubRequest(activity);
                    o.EnrichWithHttpResponse = (activity, response) => ScrubResponse(activity, response.HttpContext);
                })
                .AddOtlpExporter(o => ConfigureOtlp(o, traceEndpoint, options.OtlpProtocol, "v1/traces")));
        }

        return builder;
    }

    /// <summary>Serves the Prometheus scrape only to loopback callers on the operators' port; everyone else falls through (404).</summary>
    public static WebApplication UseChatSupportTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.PrometheusEnabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsOperatorScrape(context, options));
        }

        return app;
    }

    /// <summary>
    /// True only for the scrape path, on the operators' port, from this machine, and never for a request that came
    /// through a proxy (<c>X-Forwarded-For</c>, <c>Forwarded</c>, or <c>X-Original-For</c> left by the forwarded-headers middleware).
    /// </summary>
    public static bool IsOperatorScrape(HttpContext context, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return options.PrometheusEnabled
            && context.Request.Path.Equals(options.PrometheusPath, StringComparison.OrdinalIgnoreCase)
            && context.Connection.LocalPort == options.PrometheusPort
            && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && !context.Request.Headers.ContainsKey("X-Forwarded-For")
            && !context.Request.Headers.ContainsKey("Forwarded")
            && !context.Request.Headers.ContainsKey("X-Original-For");
    }

    /// <summary>At the start of a request nothing of the address is kept: the path may hold a conversation id, the query a token.</summary>
    internal static void ScrubRequest(Activity activity)
    {
        activity.SetTag("url.path", "/");
        activity.SetTag("url.query", null);
        activity.SetTag("user_agent.original", null);
        activity.SetTag("client.address", null);
    }

    /// <summary>At the end the path becomes the route template (<c>/v3/directline/conversations/{conversationId}/activities</c>).</summary>
    internal static void ScrubResponse(Activity activity, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route is null ? "/" : "/" + route.TrimStart('/'));
        activity.SetTag("url.query", null);
        activity.SetTag("user_agent.original", null);
        activity.SetTag("client.address", null);
        if (route is null)
        {
            // Without a route the name is the method alone; make sure nothing else was put there.
            activity.DisplayName = context.Request.Method;
        }
    }

    private static void ConfigureOtlp(OpenTelemetry.Exporter.OtlpExporterOptions o, string endpoint, string protocol, string signalPath)
    {
        var http = protocol.Equals("http", StringComparison.OrdinalIgnoreCase) || protocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase);
        o.Protocol = http ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        o.Endpoint = http ? new Uri(endpoint.TrimEnd('/') + "/" + signalPath) : new Uri(endpoint);
    }
}
