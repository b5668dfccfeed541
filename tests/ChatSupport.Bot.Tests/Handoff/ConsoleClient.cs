using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Turns;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Handoff;

/// <summary>Helpers for the console API: a factory whose bot asks for handoffs, accounts created through the CLI, signed-in clients.</summary>
internal static class ConsoleClient
{
    public const string Password = "correct horse battery staple";

    public static ChatSupportFactory NewFactory(Action<IServiceCollection>? extra = null, IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        Settings = settings,
        ExtraServices = services =>
        {
            services.AddSingleton<IBot, HandoffTestBot>();
            extra?.Invoke(services);
        },
    };

    /// <summary>Creates an account with the same command an operator runs (<c>accounts add … --password-stdin</c>).</summary>
    public static Task AddAccountAsync(ChatSupportFactory factory, string user, string role, string password = Password) =>
        AddAccountAsync(factory.DatabasePath, user, role, password, factory.Settings);

    /// <summary>Creates an account in the SQLite store at <paramref name="databasePath"/> (any host over that file).</summary>
    public static async Task AddAccountAsync(string databasePath, string user, string role, string password = Password, IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={databasePath}" })
            .AddInMemoryCollection((settings ?? new Dictionary<string, string>()).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)))
            .Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await AccountsCommand.RunAsync(["add", "--user", user, "--role", role, "--password-stdin"], new StringReader(password + "\n"), stdout, stderr, configuration);
        Assert.True(code == 0, stderr.ToString());
    }

    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string user, string password = Password, bool bearer = false)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/console/session", new { user, password, mode = bearer ? "token" : "cookie" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (bearer)
        {
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }
}
