using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Tools.Line;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Bot.Tests.Line;

/// <summary>
/// The real host with the LINE channel configured, its Messaging API played by a
/// <see cref="LineSimulator"/> in process (request bodies checked against the project's LINE contract, line-contract.yaml).
/// Two hosts over the same <see cref="DatabasePath"/> model a restart.
/// </summary>
public sealed class LineTestHost : WebApplicationFactory<Program>
{
    public const string ChannelSecret = "line-test-channel-secret-0123456789";
    public const string AccessToken = "line-test-access-token";
    public const string ApiBaseUrl = "http://line-api.test/base";

    private HttpClient? _client;

    public LineTestHost(string? databasePath = null, bool runProcessor = true, Action<LineSimulator>? configure = null, FakeTimeProvider? simulatorClock = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        RunProcessor = runProcessor;
        Simulator = new LineSimulator(ChannelSecret, AccessToken, () => _client ??= CreateClient(), Schemas, simulatorClock ?? Clock);
        configure?.Invoke(Simulator);
    }

    /// <summary>The project's LINE contract (line-contract.yaml) the simulator checks every request body against.</summary>
    public static OpenApiSchemas Schemas => OpenApiSchemas.Contract;

    public string DatabasePath { get; }

    public bool RunProcessor { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LineSimulator Simulator { get; }

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Registered after the host's own services (a logger, a replacement bot).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Waits until the simulator has accepted at least <paramref name="count"/> messages for the user.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForMessagesAsync(string userId, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            var messages = Simulator.MessagesTo(userId);
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(20);
        }

        return Simulator.MessagesTo(userId);
    }

    /// <summary>
    /// Waits until the person has more than <paramref name="seen"/> messages and the new ones satisfy
    /// <paramref name="done"/>; returns all the person's messages (also when the time runs out).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForNewMessagesAsync(string userId, int seen, Func<IReadOnlyList<JsonObject>, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            var all = Simulator.MessagesTo(userId);
            if (all.Count > seen && done(all.Skip(seen).ToList()))
            {
                return all;
            }

            await Task.Delay(20);
        }

        return Simulator.MessagesTo(userId);
    }

    /// <summary>Waits until every stored event is processed and nothing is waiting to be sent.</summary>
    public async Task WaitIdleAsync(TimeSpan? timeout = null)
    {
        var store = Get<LineStore>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            var counts = await store.CountEventsAsync();
            if (!counts.ContainsKey("pending") && (await store.ConversationsWithPendingOutboxAsync()).Count == 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The LINE processor did not become idle.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChatSupport:DirectLine:Secret", "test-secret-0123456789-abcdefghijklmnop");
        builder.UseSetting("ChatSupport:Storage:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("ChatSupport:Line:ChannelSecret", ChannelSecret);
        builder.UseSetting("ChatSupport:Line:ChannelAccessToken", AccessToken);
        builder.UseSetting("ChatSupport:Line:ApiBaseUrl", ApiBaseUrl);
        builder.UseSetting("ChatSupport:Line:RetryBaseDelay", "00:00:00.010");
        builder.UseSetting("ChatSupport:Line:PollInterval", "00:00:00.100");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient(LineMessagingClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => Simulator.Handler)
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            if (!RunProcessor)
            {
                var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null && d.ImplementationType is null).ToList();
                foreach (var descriptor in hosted.Where(d => d.ImplementationFactory!.Method.ReturnType == typeof(LineEventProcessor) || d.ImplementationFactory.Method.ToString()!.Contains("LineEventProcessor", StringComparison.Ordinal)))
                {
                    services.Remove(descriptor);
                }
            }

            ExtraServices?.Invoke(services);
        });
    }
}
