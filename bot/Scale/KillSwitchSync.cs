using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Triage;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

/// <summary>
/// Keeps the AI kill switch the same on every node (ETH-03): a node that stops or resumes the AI tells the others
/// through Redis at once, and every node of a shared database also reads the stored switch every
/// <see cref="RefreshInterval"/>, so a message lost while Redis was down is caught up. On one SQLite node it does nothing.
/// </summary>
public sealed partial class KillSwitchSync(TriageKillSwitch killSwitch, StoreDatabase database, RedisConnection redis, ILogger<KillSwitchSync> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is Storage.Sqlite.SqliteDatabase)
        {
            return;
        }

        if (redis.IsConfigured)
        {
            var channel = RedisChannel.Literal(redis.Options.Prefix + ":triage-kill-switch");
            var subscriber = redis.Multiplexer.GetSubscriber();
            await subscriber.SubscribeAsync(channel, (_, _) => _ = ReloadAsync(CancellationToken.None)).ConfigureAwait(false);
            killSwitch.Changed += _ =>
            {
                try
                {
                    subscriber.Publish(channel, "changed", CommandFlags.FireAndForget);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    Log.ReloadFailed(logger, ex.GetType().Name);
                }
            };
        }

        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await killSwitch.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            Log.ReloadFailed(logger, ex.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The AI kill switch could not be synchronised with the other nodes ({Error}); it is tried again.", EventName = "KillSwitchSyncFailed")]
        public static partial void ReloadFailed(ILogger logger, string error);
    }
}
