using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Domain.Handoff;
using ChatSupport.HandoffConsole;
using ChatSupport.HandoffConsole.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Handoff;

/// <summary>Signs counselors in with the console cookie for the sign-in page (same accounts, lockout and audit as the API).</summary>
/// <remarks>Signing out means leaving work: the counselor is marked away, so nobody is told a counselor is on duty.</remarks>
public sealed class ConsoleSignIn(ConsoleAccounts accounts, ConsoleSessions sessions, SignInThrottle throttle, IAuditLog audit, IOptions<ConsoleOptions> options) : IConsoleSignIn
{
    public async Task<string?> SignInAsync(HttpContext http, string? user, string? password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var client = SignInThrottle.ClientOf(http);
        if (await throttle.RetryAfterSecondsAsync(client).ConfigureAwait(false) is not null)
        {
            return "サインインの失敗が続いたため、しばらく受け付けません。時間をおいてから試してください。";
        }

        var (outcome, account) = await accounts.SignInAsync(user, password, http.RequestAborted).ConfigureAwait(false);
        if (outcome != SignInOutcome.Succeeded || account is null)
        {
            await throttle.RecordFailureAsync(client).ConfigureAwait(false);
            if (ConsoleAccounts.IsValidUserName(user))
            {
                await audit.AppendAsync(user!, AuditActions.SignInFailed, null, HandoffApi.FailureDetail(outcome), CancellationToken.None).ConfigureAwait(false);
            }

            return outcome == SignInOutcome.LockedOut
                ? "サインインに続けて失敗したため、しばらくロックされています。時間をおいてから試してください。"
                : "ユーザー名かパスワードが違います。";
        }

        var sessionId = await sessions.StartAsync(account.UserName, options.Value.SessionLifetime, CancellationToken.None).ConfigureAwait(false);
        await http.SignInAsync(ConsoleAuth.CookieScheme, ConsolePolicies.Principal(account, ConsoleAuth.CookieScheme, sessionId)).ConfigureAwait(false);
        await audit.AppendAsync(account.UserName, AuditActions.SignIn, null, "console", CancellationToken.None).ConfigureAwait(false);
        return null;
    }

    public async Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var who = ConsolePolicies.Identity(http.User);
        await sessions.RevokeAsync(http.User, CancellationToken.None).ConfigureAwait(false);
        await http.SignOutAsync(ConsoleAuth.CookieScheme).ConfigureAwait(false);
        if (who is not null)
        {
            await accounts.SetStatusAsync(who.UserName, CounselorStatus.Away, CancellationToken.None).ConfigureAwait(false);
            await audit.AppendAsync(who.UserName, AuditActions.SignOut, null, null, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

public static class ConsoleEndpoints
{
    /// <summary>
    /// The counselor console (Blazor, interactive server rendering) under <c>/console</c>, and its sign-out
    /// form endpoint. Nothing is mapped when <c>ChatSupport:Console:Enabled</c> is false.
    /// </summary>
    public static IEndpointRouteBuilder MapHandoffConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.IsConsoleEnabled())
        {
            return app;
        }

        app.MapPost("/console/logout", async (HttpContext http, IAntiforgery antiforgery, IConsoleSignIn signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.BadRequest();
            }

            await signIn.SignOutAsync(http).ConfigureAwait(false);
            return Results.Redirect("/console/login");
        }).ExcludeFromDescription();
        if (app is WebApplication web)
        {
            // Anti-forgery on every console form (after the authentication WebApplication adds first).
            web.UseAntiforgery();
            web.MapStaticAssets();
        }

        // Our own Content-Security-Policy (HostingExtensions) already says frame-ancestors 'none'; Blazor's second header is not needed.
        app.MapRazorComponents<ConsoleApp>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
