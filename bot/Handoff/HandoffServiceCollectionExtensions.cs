using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// The human handoff: queue and sessions (SQLite), the in-process event bus, the handoff's requests
    /// (<see cref="IHandoffRequests"/> for the bot), commands, queries and timers, the relay turn step, console
    /// accounts and the audit log. Who may use the console (sign-in schemes, policies) is <see cref="ConsoleAuth"/>.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HandoffOptions>()
            .Bind(configuration.GetSection(HandoffOptions.SectionName))
            .Validate(o => HoursAreValid(o.Hours), "ChatSupport:Handoff:Hours must look like 'Mon-Fri 17:00-22:00, Sat-Sun 13:00-22:00' (JST).")
            .Validate(o => o.CounselorCapacity > 0 && o.MaxMessageLength > 0 && o.LongWait > TimeSpan.Zero, "ChatSupport:Handoff: CounselorCapacity, MaxMessageLength and LongWait must be positive.")
            .ValidateOnStart();
        services.AddStoreMigrations<HandoffMigrations>();
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
        services.AddSingleton<ConsoleAccounts>();
        services.AddSingleton<ICounselorDirectory>(sp => sp.GetRequiredService<ConsoleAccounts>());
        services.AddSingleton<ICounselorPresence>(sp => sp.GetRequiredService<ConsoleAccounts>());
        services.AddSingleton<ConsoleAccess.ConsolePresenceTracker>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ConsoleAccess.ConsolePresenceCircuitHandler>();
        // Counted across nodes when AddScaleOut puts the limits on Redis.
        services.TryAddSingleton(new Scale.SharedRateLimits());
        services.AddSingleton<SignInThrottle>();
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

        services.AddSingleton<HandoffConsole.IConsoleSignIn, ConsoleSignIn>();
        return services;
    }

    private static bool HoursAreValid(string hours)
    {
        try
        {
            CounselorHours.Parse(hours);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
