using Microsoft.Data.Sqlite;

namespace ChatSupport.Bot.Storage.Sqlite;

/// <summary>
/// Checkpoints the SQLite write-ahead log every few seconds, and once more when the host stops.
/// Automatic checkpoints are off on every connection: they would run inside whichever turn's commit
/// crossed the threshold and make that person wait for the disk. On another store it does nothing.
/// </summary>
public sealed partial class SqliteCheckpointer(StoreDatabase store, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not SqliteDatabase)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CheckpointAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await CheckpointAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (store is not SqliteDatabase database)
        {
            return;
        }

        try
        {
            await database.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            Log.CheckpointFailed(logger, ex.SqliteErrorCode);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The SQLite checkpoint failed (error {Code}); it is retried on the next tick.", EventName = "SqliteCheckpointFailed")]
        public static partial void CheckpointFailed(ILogger logger, int code);
    }
}
