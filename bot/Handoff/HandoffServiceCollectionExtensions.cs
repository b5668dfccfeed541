using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Domain.Events;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// The human handoff: queue and sessions (SQLite), the in-process event bus, the handoff's requests
    /// (<see cref="IHandoffRequests"/> for the bot), commands, queries and timers, the relay turn step, console
    /// accounts, cookie and bearer sign-in, authorisation policies, the audit log and the OpenAPI document <c>console</c>.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.SectionName));
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<InProcessEventBus>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<InProcessEventBus>();
            return new InProcessEventBus { OnHandlerError = ex => logger.LogError("An event handler failed: {ExceptionType}.", ex.GetType().FullName) };
        });
        services.TryAddSingleton<IEventBus>(sp => sp.GetRequiredService<InProcessEventBus>());
        services.AddSingleton<IHandoffStore, SqliteHandoffStore>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<SqliteConsoleWorkspace>();
        services.AddSingleton<ICounselorNotes>(sp => sp.GetRequiredService<SqliteConsoleWorkspace>());
        services.AddSingleton<ICannedResponses>(sp => sp.GetRequiredService<SqliteConsoleWorkspace>());
        services.AddSingleton(sp => new ConsoleAccounts(
            sp.GetRequiredService<Storage.StoreDatabase>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConsoleOptions>>().Value));
        services.AddSingleton<ICounselorDirectory>(sp => sp.GetRequiredService<ConsoleAccounts>());
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<IOptions<ConsoleOptions>>().Value));
        services.AddSingleton(_ => HandoffTexts.LoadDefault());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HandoffOptions>>().Value);

        // The handoff by responsibility: sessions saved then published, delivery through the person's channel,
        // the person's side (inside their turn), counselor commands, queries, and the clock-driven notices.
        services.AddSingleton<HandoffSessions>();
        services.AddSingleton<HandoffDelivery>();
        services.AddSingleton<HandoffQueries>();
        services.AddSingleton<CounselorAvailability>();
        services.AddSingleton<HandoffRequests>();
        services.AddSingleton<IHandoffRequests>(sp => sp.GetRequiredService<HandoffRequests>());
        services.AddSingleton<HandoffCommands>();
        services.AddSingleton<HandoffTimers>();
        services.AddSingleton<HandoffRelayMiddleware>();
        services.AddHostedService<LongWaitWatcher>();
        services.AddHostedService<DevelopmentAccountsSeeder>();

        services.AddConsoleDataProtection(configuration, environment);
        var lifetime = configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>()?.SessionLifetime ?? TimeSpan.FromHours(8);
        // The console scheme is the default so Blazor's circuit sees the signed-in counselor; it only
        // reads the console cookie, and a bearer token only on /api/console (Direct Line tokens are never tried).
        services.AddAuthentication(ConsoleAuth.Scheme)
            .AddCookie(ConsoleAuth.CookieScheme, o =>
            {
                o.Cookie.Name = ConsoleAuth.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                // The cookie slides within the session's absolute end, which the server enforces (ConsoleSessions).
                o.ExpireTimeSpan = lifetime;
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
            .AddBearerToken(ConsoleAuth.BearerScheme, o =>
            {
                o.BearerTokenExpiration = lifetime;
                o.Events = new Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenEvents { OnMessageReceived = ConsoleSessionValidation.ValidateBearerAsync };
            })
            .AddPolicyScheme(ConsoleAuth.Scheme, "Console", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api/console", StringComparison.OrdinalIgnoreCase)
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ConsoleAuth.BearerScheme
                    : ConsoleAuth.CookieScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.CounselorPolicy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser().RequireRole("counselor", "supervisor", "admin"))
            .AddPolicy(ConsoleAuth.SupervisorPolicy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser().RequireRole("supervisor", "admin"));
        services.AddAntiforgery(o => o.Cookie.Name = "chatsupport.console.af");
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, ConsoleCircuitRevalidation>();
        services.AddSingleton<HandoffConsole.IConsoleSignIn, ConsoleSignIn>();
        services.AddOpenApi(HandoffApi.DocumentName, o => o.ShouldInclude = d => d.GroupName == HandoffApi.DocumentName);
        return services;
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
