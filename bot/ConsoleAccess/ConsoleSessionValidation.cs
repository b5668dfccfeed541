using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>
/// Checks the server-side session of every cookie and bearer token: one whose session is gone (signed out,
/// past its absolute end, account disabled or its password changed) fails authentication, so the API
/// answers 401 and the pages send the counselor to sign in.
/// </summary>
public static class ConsoleSessionValidation
{
    /// <summary>Cookie: rejects the principal and removes the cookie.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>();
        if (!await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleAuth.CookieScheme).ConfigureAwait(false);
        }
    }

    /// <summary>Bearer: reads the token as the handler will and fails it when its session is gone.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header[7..].Trim());
        if (ticket is null)
        {
            return; // the handler refuses it as any unreadable token
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>();
        if (!await sessions.IsActiveAsync(ticket.Principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.Fail("The console session has ended.");
        }
    }
}

/// <summary>
/// A console page's live connection (Blazor circuit) keeps the identity it started with; this checks its
/// session again every <see cref="RevalidationInterval"/> and signs the circuit out when the session ended.
/// </summary>
public sealed class ConsoleCircuitRevalidation(ConsoleSessions sessions, ILoggerFactory loggerFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often a live console page re-checks its session: 30 seconds.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>True while the circuit's session is live (exposed for tests).</summary>
    public Task<bool> IsStillValidAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        ValidateAuthenticationStateAsync(state, cancellationToken);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var user = authenticationState.User;
        return user.Identity?.IsAuthenticated != true || await sessions.IsActiveAsync(user, cancellationToken).ConfigureAwait(false);
    }
}
