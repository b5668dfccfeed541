using ChatSupport.Bot.Storage;
using ChatSupport.HandoffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.ConsoleAccess;

/// <summary>
/// Who may use the console, in one place: the authentication schemes (cookie for the pages, bearer tokens for the
/// API), the authorisation policies (names and identity from <see cref="ConsolePolicies"/>), and the
/// <c>/api/console</c> group every console feature (handoff, triage review) maps its endpoints under.
/// </summary>
public static class ConsoleAuth
{
    /// <summary>Forwards to the bearer scheme when an <c>Authorization: Bearer</c> header is present, else to the cookie.</summary>
    public const string Scheme = "Console";
    public const string CookieScheme = "Console.Cookie";
    public const string BearerScheme = "Console.Bearer";
    public const string CookieName = "chatsupport.console";

    /// <summary>The OpenAPI document of the console API (<c>/openapi/console.json</c>).</summary>
    public const string DocumentName = "console";

    /// <summary>
    /// The console's options (validated at start), sign-in schemes and policies, anti-forgery, the Blazor
    /// components and the OpenAPI document <c>console</c>.
    /// </summary>
    public static IServiceCollection AddConsoleAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ConsoleOptions>()
            .Bind(configuration.GetSection(ConsoleOptions.SectionName))
            .Validate(o => o.MaxFailedSignIns > 0 && o.LockoutDuration > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero, "ChatSupport:Console: MaxFailedSignIns, LockoutDuration and SessionLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsoleOptions>>().Value);
        services.AddStoreMigrations<ConsoleAccessMigrations>();
        services.AddSingleton<ConsoleSessions>();
        services.AddConsoleDataProtection(configuration, environment);

        // The console scheme is the default so Blazor's circuit sees the signed-in counselor; it only
        // reads the console cookie, and a bearer token only on /api/console (Direct Line tokens are never tried).
        services.AddAuthentication(Scheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                // The cookie slides within the session's absolute end, which the server enforces (ConsoleSessions);
                // its lifetime is the validated SessionLifetime (below).
                o.SlidingExpiration = true;
                o.LoginPath = "/console/login";
                o.LogoutPath = "/console/logout";
                o.AccessDeniedPath = "/console/denied";
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ConsoleSessionValidation.ValidateCookieAsync,
                };
            })
            .AddBearerToken(BearerScheme, o =>
            {
                o.Events = new BearerTokenEvents { OnMessageReceived = ConsoleSessionValidation.ValidateBearerAsync };
            })
            .AddPolicyScheme(Scheme, "Console", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api/console", StringComparison.OrdinalIgnoreCase)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerScheme
                    : CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<ConsoleOptions>>((o, console) => o.ExpireTimeSpan = console.Value.SessionLifetime);
        services.AddOptions<BearerTokenOptions>(BearerScheme).Configure<IOptions<ConsoleOptions>>((o, console) => o.BearerTokenExpiration = console.Value.SessionLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Counselor, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole("counselor", "supervisor", "admin"))
            .AddPolicy(ConsolePolicies.Supervisor, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole("supervisor", "admin"));
        services.AddAntiforgery(o => o.Cookie.Name = "chatsupport.console.af");
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, ConsoleCircuitRevalidation>();
        services.AddOpenApi(DocumentName, o => o.ShouldInclude = d => d.GroupName == DocumentName);
        return services;
    }

    /// <summary>False when <c>ChatSupport:Console:Enabled</c> is off (public-only nodes): no console page and no <c>/api/console</c>.</summary>
    public static bool IsConsoleEnabled(this IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled;

    /// <summary>The <c>/api/console</c> group (counselor policy, tag, OpenAPI document) under which a console feature maps its endpoints.</summary>
    /// <remarks>Every authenticated call also says the caller has the console open (<see cref="ConsolePresenceTracker"/>).</remarks>
    public static RouteGroupBuilder MapConsoleApi(this IEndpointRouteBuilder app, string prefix = "")
    {
        var group = app.MapGroup("/api/console" + prefix).WithTags("Console").WithGroupName(DocumentName).RequireAuthorization(ConsolePolicies.Counselor);
        group.AddEndpointFilter(async (context, next) =>
        {
            if (ConsolePolicies.Identity(context.HttpContext.User) is { } who)
            {
                await context.HttpContext.RequestServices.GetRequiredService<ConsolePresenceTracker>()
                    .SeenAsync(who.UserName, context.HttpContext.RequestAborted).ConfigureAwait(false);
            }

            return await next(context).ConfigureAwait(false);
        });
        return group;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
