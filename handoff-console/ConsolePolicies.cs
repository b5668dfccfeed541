using System.Security.Claims;
using ChatSupport.Domain.Handoff;
using Microsoft.AspNetCore.Http;

namespace ChatSupport.HandoffConsole;

/// <summary>Names the host's authorisation policies, so pages can require them without knowing the host.</summary>
public static class ConsolePolicies
{
    public const string Counselor = "Console.Counselor";
    public const string Supervisor = "Console.Supervisor";

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
