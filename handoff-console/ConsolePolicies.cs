using System.Security.Claims;
using ChatSupport.Domain.Handoff;
using Microsoft.AspNetCore.Http;

namespace ChatSupport.HandoffConsole;

/// <summary>
/// The console's identity in one place: the policy names pages and endpoints require, and how a counselor
/// account becomes a signed-in principal and back. The host registers the schemes and the policies (ConsoleAuth).
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Any console role: the queue and one's own conversations.</summary>
    public const string Counselor = "Console.Counselor";

    /// <summary>Supervisors and admins: every conversation, the dashboard, the audit log, canned responses, AI review.</summary>
    public const string Supervisor = "Console.Supervisor";

    /// <summary>The claim that names the server-side console session in the cookie and the bearer token.</summary>
    public const string SessionClaim = "chatsupport:sid";

    /// <summary>The principal of a signed-in counselor (name and role claims); <paramref name="sessionId"/> names its server-side session.</summary>
    public static ClaimsPrincipal Principal(CounselorAccount account, string authenticationType, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role.ToWire()), new Claim(SessionClaim, sessionId)],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The acting counselor from a signed-in principal, or null.</summary>
    public static CounselorIdentity? Identity(ClaimsPrincipal? user)
    {
        var name = user?.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        if (string.IsNullOrEmpty(name) || !CounselorRoles.TryParse(user!.FindFirst(ClaimTypes.Role)?.Value, out var role))
        {
            return null;
        }

        return new CounselorIdentity(name, role);
    }
}

/// <summary>Signs a counselor in with the host's cookie (implemented by the host: accounts, lockout, audit).</summary>
public interface IConsoleSignIn
{
    /// <summary>Returns null on success, else the Japanese message to show.</summary>
    Task<string?> SignInAsync(HttpContext http, string? user, string? password);

    Task SignOutAsync(HttpContext http);
}
