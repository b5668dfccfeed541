using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Domain.Handoff;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Handoff;

/// <summary>Every 30 seconds, offers around-the-clock services to people who have waited longer than <c>LongWait</c>.</summary>
public sealed partial class LongWaitWatcher(HandoffTimers handoff, TimeProvider clock, ILogger<LongWaitWatcher> logger, Storage.WorkLeases leases) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    // Several nodes: one of them sends the notices (a lease in the shared database).
                    if (!await leases.TryHoldAsync("handoff-long-wait", TimeSpan.FromMinutes(2), stoppingToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    var told = await handoff.NotifyLongWaitsAsync(stoppingToken).ConfigureAwait(false);
                    if (told > 0)
                    {
                        Log.LongWaitsNotified(logger, told);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.LongWaitCheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Offered around-the-clock services to {Count} long-waiting conversations.", EventName = "LongWaitsNotified")]
        public static partial void LongWaitsNotified(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "The long-wait check failed.", EventName = "LongWaitCheckFailed")]
        public static partial void LongWaitCheckFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// Development only: when there is no console account at all and <c>ChatSupport:Console:DevelopmentPassword</c>
/// is set, creates <c>counselor</c> and <c>supervisor</c> with it. Never runs outside Development.
/// </summary>
public sealed partial class DevelopmentAccountsSeeder(ConsoleAccounts accounts, IOptions<ConsoleOptions> options, IHostEnvironment environment, ILogger<DevelopmentAccountsSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var password = options.Value.DevelopmentPassword;
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(password) || await accounts.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await accounts.AddAsync("counselor", CounselorRole.Counselor, password, cancellationToken).ConfigureAwait(false);
        await accounts.AddAsync("supervisor", CounselorRole.Supervisor, password, cancellationToken).ConfigureAwait(false);
        Log.Seeded(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Development: created the console accounts 'counselor' and 'supervisor' with ChatSupport:Console:DevelopmentPassword.", EventName = "DevelopmentAccountsSeeded")]
        public static partial void Seeded(ILogger logger);
    }
}
