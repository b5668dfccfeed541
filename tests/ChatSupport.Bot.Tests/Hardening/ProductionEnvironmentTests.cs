using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// What only the Production environment enforces, tested in that environment (the other tests run in
/// <c>Testing</c>, where the console cookie may travel over plain HTTP and a short secret is tolerated).
/// </summary>
public sealed class ProductionEnvironmentTests
{
    [Fact]
    public void Without_a_Direct_Line_secret_the_service_refuses_to_start_and_says_which_variable_to_set()
    {
        using var factory = new ChatSupportFactory { Environment = "Production", DirectLineSecret = null };

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("ChatSupport__DirectLine__Secret", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_Direct_Line_secret_is_refused_at_start()
    {
        using var factory = new ChatSupportFactory { Environment = "Production", DirectLineSecret = "only-twenty-characters" };

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("at least 32 characters", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ChatSupport:Retention:Days", "-7", "ChatSupport:Retention:Days")]
    [InlineData("ChatSupport:DirectLine:RateLimits:PostsPerMinute", "0", "ChatSupport:DirectLine:RateLimits")]
    [InlineData("ChatSupport:Directory:LocalPath", " ", "ChatSupport:Directory:LocalPath")]
    public void A_wrong_setting_stops_the_start_and_names_the_key(string key, string value, string named)
    {
        using var factory = new ChatSupportFactory { Settings = new Dictionary<string, string> { [key] = value } };

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_long_secret_the_service_starts_and_the_secret_opens_a_conversation()
    {
        using var factory = new ChatSupportFactory { Environment = "Production" };

        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("こんにちは");

        Assert.NotEmpty(await person.BotMessagesAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClientWith("not-the-secret").PostAsync("/v3/directline/tokens/generate", null)).StatusCode);
    }

    [Theory]
    [InlineData("https://console.example.jp")]
    [InlineData("http://console.example.jp")]
    public async Task The_console_cookie_is_secure_http_only_and_same_site_strict_whatever_the_request_came_over(string origin)
    {
        using var factory = new ChatSupportFactory { Environment = "Production" };
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), HandleCookies = false });

        var response = await http.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password, mode = "cookie" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ChatSupport.Bot.ConsoleAccess.ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task Over_https_production_tells_browsers_to_stay_on_https()
    {
        using var factory = new ChatSupportFactory { Environment = "Production" };
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example.jp") });

        var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }
}
