using System.Net;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>Audit findings on response headers: no CSP on console pages, WebSockets allowed to any host, no HSTS, transcripts cacheable.</summary>
public sealed class HeaderTests() : ConsoleHostTests(("sato", "counselor"))
{
    [Theory]
    [InlineData("/console/login", false)]
    [InlineData("/console", true)]
    public async Task Console_pages_allow_only_this_servers_scripts_and_connections_to_this_host(string path, bool signedIn)
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://console.example.jp") });
        if (signedIn)
        {
            var signIn = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/console/session", new { user = "sato", password = ConsoleClient.Password, mode = "cookie" });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Directives(response);

        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal(["'self'", "ws://console.example.jp", "wss://console.example.jp"], csp["connect-src"].Split(' '));
    }

    [Fact]
    public async Task The_web_chat_page_connects_only_to_this_host_not_to_any_websocket()
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example.jp") });
        var csp = Directives(await http.GetAsync("/"));

        Assert.Equal(["'self'", "ws://chat.example.jp", "wss://chat.example.jp"], csp["connect-src"].Split(' '));
    }

    [Fact]
    public async Task Over_https_browsers_are_told_to_stay_on_https()
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example.jp") });
        var response = await http.GetAsync("/");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcripts_are_never_stored_by_a_browser_or_a_proxy()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        var personView = await person.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{person.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.OK, personView.StatusCode);
        Assert.True(personView.Headers.CacheControl?.NoStore, "Direct Line activities must be no-store");

        var sato = await ConsoleClient.SignInAsync(App, "sato");
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);
        var counselorView = await sato.GetAsync($"/api/console/conversations/{person.ConversationId}/messages");
        Assert.Equal(HttpStatusCode.OK, counselorView.StatusCode);
        Assert.True(counselorView.Headers.CacheControl?.NoStore, "console transcripts must be no-store");
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
    }
}
