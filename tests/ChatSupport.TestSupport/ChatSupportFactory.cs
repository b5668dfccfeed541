using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.TestSupport;

/// <summary>
/// The real host on a test server, with its own SQLite file, a known Direct Line secret and a
/// controllable clock. Two factories over the same <see cref="DatabasePath"/> model a restart.
/// </summary>
public sealed class ChatSupportFactory : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";

    public ChatSupportFactory(string? databasePath = null, string botMode = "consultation")
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        BotMode = botMode;
    }

    public string DatabasePath { get; }

    public string BotMode { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>The host environment: <c>Testing</c> by default; <c>Production</c> to test what only production enforces.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>The Direct Line secret given to the host; <see langword="null"/> leaves it unset.</summary>
    public string? DirectLineSecret { get; init; } = Secret;

    /// <summary>Extra configuration keys (for example <c>ChatSupport:Triage:Enabled</c>), applied before Program reads them.</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public HttpClient CreateClientWith(string credential)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);

        // Static web assets (the console's blazor.web.js) from the build output, as in Development.
        builder.UseStaticWebAssets();
        if (DirectLineSecret is not null)
        {
            builder.UseSetting("ChatSupport:DirectLine:Secret", DirectLineSecret);
        }

        builder.UseSetting("ChatSupport:Storage:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("ChatSupport:Bot:Mode", BotMode);
        foreach (var (key, value) in Settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }
}
