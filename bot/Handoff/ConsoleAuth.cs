using System.Security.Claims;
using ChatSupport.Domain.Handoff;

namespace ChatSupport.Bot.Handoff;

/// <summary>Authentication schemes and authorisation policies of the console and its API.</summary>
public static class ConsoleAuth
{
    /// <summary>Forwards to the bearer scheme when an <c>Authorization: Bearer</c> header is present, else to the cookie.</summary>
    public const string Scheme = "Console";
    public const string CookieScheme = "Console.Cookie";
    public const string BearerScheme = "Console.Bearer";
    public const string CookieName = "chatsupport.console";

    /// <summary>Any console role: the queue and one's own conversations.</summary>
    public const string CounselorPolicy = "Console.Counselor";

    /// <summary>Supervisors and admins: every conversation, the dashboard, the audit log, canned responses.</summary>
    public const string SupervisorPolicy = "Console.Supervisor";

    /// <summary>The principal of a signed-in account; <paramref name="sessionId"/> names its server-side session (see <see cref="Accounts.ConsoleSessions"/>).</summary>
    public static ClaimsPrincipal Principal(CounselorAccount account, string authenticationType, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role.ToWire()), new Claim(Accounts.ConsoleSessions.SessionClaim, sessionId)],
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
