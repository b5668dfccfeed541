using System.Net;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatSupport.Bot.Tests.Handoff;

public sealed class ConsolePagesTests() : ConsoleHostTests()
{
    [Fact]
    public async Task The_sign_in_page_renders_in_japanese_with_an_antiforgery_token_and_pages_need_a_sign_in()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetAsync("/console/login");
        var html = await login.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("サインイン", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);

        var queue = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Contains("/console/login", queue.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
    }

    [Fact]
    public async Task The_console_can_be_switched_off()
    {
        await using var off = new ChatSupportFactory().WithWebHostBuilder(b => b.UseSetting("ChatSupport:Console:Enabled", "false"));
        var client = off.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/login")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/console/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
