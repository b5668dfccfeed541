using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatSupport.Bot.Hosting;

public static class HostingExtensions
{
    /// <summary>The person's page: only this server's scripts, and connections (HTTP and WebSocket) only to this host.</summary>
    public static string WebChatContentSecurityPolicy(HostString host) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"font-src 'self' data:; connect-src 'self' {Sockets(host)}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>The console's pages (Blazor, interactive server): this server's scripts, its circuit's WebSocket, forms to itself.</summary>
    public static string ConsoleContentSecurityPolicy(HostString host) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        $"connect-src 'self' {Sockets(host)}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private static string Sockets(HostString host) => host.HasValue ? $"ws://{host.Value} wss://{host.Value}" : string.Empty;

    /// <summary>Logging, shutdown and WebSocket settings shared by every node.</summary>
    public static WebApplicationBuilder AddChatSupportHosting(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("ChatSupport:Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        builder.Services.AddHealthChecks();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseChatSupportHosting(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Browsers that reached us over HTTPS never try plain HTTP again (not sent for localhost or over HTTP).
            app.UseHsts();
        }

        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            var path = context.Request.Path;
            if (path == "/" || path == "/index.html")
            {
                // The person's page runs only our own scripts (Web Chat's bundle and app.js) and talks only to us;
                // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.
                headers.ContentSecurityPolicy = WebChatContentSecurityPolicy(context.Request.Host);
            }
            else if (path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ConsoleContentSecurityPolicy(context.Request.Host);
            }

            if (path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api/console", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase))
            {
                // Transcripts and console pages are never kept by a browser or a proxy.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is { Count: > 0 })
            {
                app.Logger.LogInformation("ChatSupport is listening on {Addresses}; open the first address in a browser for the web chat.", string.Join(", ", addresses));
            }
        });
        return app;
    }

    /// <summary><c>/healthz</c>: the process is up. <c>/readyz</c>: the store is reachable.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
