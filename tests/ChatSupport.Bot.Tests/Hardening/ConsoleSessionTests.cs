using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Handoff;
using ChatSupport.TestSupport;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>Audit findings on roles and sessions: supervisors wrote into held conversations, sessions outlived sign-out, lockout raced.</summary>
public sealed class ConsoleSessionTests() : ConsoleHostTests(("sato", "counselor"), ("boss", "supervisor"))
{
    [Fact]
    public async Task A_supervisor_cannot_write_into_or_end_a_conversation_a_counselor_holds()
    {
        var person = await DirectLineClient.StartAsync(App);
        await person.SayAsync(HandoffTestBot.AskForHuman);
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        Assert.Equal(HttpStatusCode.OK, (await sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null)).StatusCode);

        var boss = await ConsoleClient.SignInAsync(App, "boss");
        var before = (await person.BotMessagesAsync()).Count;
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = "監督者です" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PostAsync($"/api/console/conversations/{person.ConversationId}/end", null)).StatusCode);
        Assert.Equal(before, (await person.BotMessagesAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync($"/api/console/conversations/{person.ConversationId}/messages")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_for_the_bearer_token_and_the_cookie()
    {
        var bearer = await ConsoleClient.SignInAsync(App, "sato", bearer: true);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/console/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.DeleteAsync("/api/console/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/console/me")).StatusCode);

        // A copy of the cookie taken before sign-out (as an attacker holding it would) stops working too.
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var signIn = await browser.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password, mode = "cookie" });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/console/me");
        me.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(me)).StatusCode);
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/console/session");
        signOut.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/console/me");
        again.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_active_the_counselor_is()
    {
        var sato = await ConsoleClient.SignInAsync(App, "sato");
        var bearer = await ConsoleClient.SignInAsync(App, "sato", bearer: true);
        for (var hour = 0; hour < 7; hour++)
        {
            App.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await sato.GetAsync("/api/console/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/console/me")).StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sato.GetAsync("/api/console/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/console/me")).StatusCode);
    }

    [Fact]
    public async Task A_live_console_page_rechecks_its_session_and_loses_it_after_sign_out()
    {
        var sessions = App.Services.GetRequiredService<ConsoleSessions>();
        var id = await sessions.StartAsync("sato", TimeSpan.FromHours(8));
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "sato"), new Claim(ClaimTypes.Role, "counselor"), new Claim(ConsoleSessions.SessionClaim, id)],
            ConsoleAuth.CookieScheme,
            ClaimTypes.Name,
            ClaimTypes.Role));
        using var scope = App.Services.CreateScope();
        var provider = Assert.IsType<ConsoleCircuitRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        var state = new AuthenticationState(user);
        Assert.True(await provider.IsStillValidAsync(state, CancellationToken.None));

        await sessions.RevokeAsync(user);
        Assert.False(await provider.IsStillValidAsync(state, CancellationToken.None));
        Assert.True(ConsoleCircuitRevalidation.Interval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Twenty_parallel_wrong_passwords_lock_the_account()
    {
        var accounts = App.Services.GetRequiredService<ConsoleAccounts>();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => accounts.SignInAsync("boss", $"wrong password {i}"))));
        Assert.Equal(20, attempts.Length);
        Assert.DoesNotContain(attempts, a => a.Outcome == SignInOutcome.Succeeded);

        Assert.True((await accounts.FindAsync("boss"))!.LockedOut);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("boss", ConsoleClient.Password)).Outcome);
    }

    [Fact]
    public async Task One_client_guessing_passwords_is_throttled_with_429_before_any_password_is_checked()
    {
        var client = App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last = await client.PostAsJsonAsync("/api/console/session", new { user = $"guess{i}", password = "not the password" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(12, statuses.Count);
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Even the right password waits: the client is throttled, not the account.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password })).StatusCode);
    }

    [Fact]
    public async Task Accounts_can_be_disabled_enabled_and_given_a_new_password_from_stdin_and_each_change_is_audited()
    {
        var bearer = await ConsoleClient.SignInAsync(App, "sato", bearer: true);
        Assert.Equal(0, await CliAsync("disable", "--user", "sato"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/console/me")).StatusCode);
        var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password })).StatusCode);

        Assert.Equal(0, await CliAsync("enable", "--user", "sato"));
        var again = await ConsoleClient.SignInAsync(App, "sato", bearer: true);

        Assert.Equal(0, await CliAsync("set-password", "--user", "sato", "--password-stdin", stdin: "a brand new passphrase\n"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/console/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/console/session", new { user = "sato", password = ConsoleClient.Password })).StatusCode);
        await ConsoleClient.SignInAsync(App, "sato", "a brand new passphrase");

        Assert.Equal(2, await CliAsync("set-password", "--user", "sato"));
        Assert.Equal(1, await CliAsync("disable", "--user", "nobody"));

        var audit = await App.Services.GetRequiredService<IAuditLog>().ReadAsync(100);
        var cli = audit.Where(e => e.Actor == AccountsCommand.CliActor).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.AccountSetPassword, AuditActions.AccountEnable, AuditActions.AccountDisable], cli.Where(a => a != AuditActions.AccountAdd).ToList());
        Assert.DoesNotContain(audit, e => e.Detail?.Contains("passphrase", StringComparison.Ordinal) == true);
        Assert.Contains(audit, e => e.Actor == "sato" && e.Action == AuditActions.SignInFailed && e.Detail == "disabled");
    }

    private async Task<int> CliAsync(params string[] args) => await CliAsync(args, string.Empty);

    private async Task<int> CliAsync(string a, string b, string c, string d, string stdin) => await CliAsync([a, b, c, d], stdin);

    private async Task<int> CliAsync(string[] args, string stdin)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatSupport:Storage:ConnectionString"] = $"Data Source={App.DatabasePath}" })
            .Build();
        return await AccountsCommand.RunAsync(args, new StringReader(stdin), new StringWriter(), new StringWriter(), configuration);
    }
}
