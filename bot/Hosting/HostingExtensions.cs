using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatSupport.Bot.Hosting;

public static class HostingExtensions
{
    public const string WebChatContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>Logging, shutdown and WebSocket settings shared by every node.</summary>
    public static WebApplicationBuilder AddChatSupportHosting(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("ChatSupport:Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseChatSupportHosting(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (context.Request.Path == "/" || context.Request.Path == "/index.html")
            {
                // The person's page runs only our own scripts (Web Chat's bundle and app.js) and talks only to us;
                // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.
                headers.ContentSecurityPolicy = WebChatContentSecurityPolicy;
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
