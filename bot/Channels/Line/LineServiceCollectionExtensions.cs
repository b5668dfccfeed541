using ChatSupport.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.Line;

public static class LineServiceCollectionExtensions
{
    /// <summary>
    /// The LINE channel: webhook, inbox processor, adapter and Messaging API client. Registers
    /// nothing but its tables unless <c>ChatSupport:Line:ChannelSecret</c> and <c>ChannelAccessToken</c>
    /// are both set, so an unconfigured host starts nothing about LINE. The adapter runs the host's turn pipeline.
    /// </summary>
    public static IServiceCollection AddLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        // The tables exist whether or not the channel is configured (erasure and retention find them either way).
        services.AddStoreMigrations<LineMigrations>();
        var section = configuration.GetSection(LineOptions.SectionName);
        if (!LineOptions.IsConfiguredIn(section))
        {
            return services;
        }

        services.AddOptions<LineOptions>()
            .Bind(section)
            .Validate(
                o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "https" or "http",
                "ChatSupport:Line:ApiBaseUrl must be an absolute http or https URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(LineMessagingClient.HttpClientName, (sp, client) =>
            LineMessagingClient.Configure(client, sp.GetRequiredService<IOptions<LineOptions>>().Value));
        services.AddSingleton<LineMessagingClient>();
        services.AddSingleton<LineStore>();
        services.AddSingleton<LineInboxSignal>();
        services.AddSingleton<LineDelivery>();
        services.AddChannelAdapter<LineAdapter>();
        services.AddSingleton<LineWebhook>();
        services.AddSingleton<LineEventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<LineEventProcessor>());
        services.AddHostedService<LineHandoffSignals>();
        return services;
    }

    /// <summary>Maps <c>POST /api/line/webhook</c> when the channel is configured; otherwise nothing (the path answers 404).</summary>
    public static IEndpointRouteBuilder MapLineWebhook(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<LineWebhook>() is null)
        {
            // LINE is off: the address does not exist (404), whatever other endpoints would answer for it.
            app.MapPost(LineWebhook.Path, () => Results.NotFound()).ExcludeFromDescription();
            return app;
        }

        app.MapPost(LineWebhook.Path, (HttpRequest request, LineWebhook webhook) => webhook.HandleAsync(request))
            .WithTags("LINE")
            .DisableAntiforgery();

        // Failed events and sends, for operators in the console API.
        app.MapLineOperations();
        return app;
    }
}
