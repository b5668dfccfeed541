using ChatSupport.Bot.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// Runs the turns of Direct Line messages that were stored but never answered because the process stopped in
/// between (a crash, a killed container): at start, then every <see cref="Interval"/>. On SQLite this process is
/// the only one serving the file, so every pending turn it is not running itself is an orphan; on PostgreSQL a turn
/// counts as orphaned only after <see cref="StaleAfter"/>, and one node at a time recovers (work lease).
/// A recovered turn may repeat a reply that was sent just before the crash; it never leaves the person unanswered.
/// </summary>
public sealed partial class DirectLineRecovery(
    DirectLineServices s,
    WorkLeases leases,
    ILogger<DirectLineRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, s.Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, ex.GetType().FullName);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass; returns how many turns were run again.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryHoldAsync("directline-recovery", Interval + Interval, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var recovered = 0;
        foreach (var turn in await s.Sessions.OrphanedAsync(StaleAfter, BatchSize, cancellationToken).ConfigureAwait(false))
        {
            if (!s.Sessions.TryStartRecovered(turn))
            {
                continue;
            }

            var entries = await s.Transcript.ReadAsync(turn.ConversationId, turn.Sequence - 1, 1, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 1 && entries[0].Sequence == turn.Sequence && !await s.Sessions.IsRevokedAsync(turn.ConversationId, cancellationToken).ConfigureAwait(false))
            {
                // The stored copy is the message as the person sent it (addressed, with its transcript id).
                await s.Adapter.ProcessActivityAsync(entries[0].Activity, s.Bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
                recovered++;
            }

            await s.Sessions.CompleteAsync(turn.ConversationId, turn.Sequence, CancellationToken.None).ConfigureAwait(false);
        }

        if (recovered > 0)
        {
            Log.Recovered(logger, recovered);
        }

        return recovered;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Answered {Count} Direct Line messages stored before the last stop.", EventName = "TurnsRecovered")]
        public static partial void Recovered(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "The Direct Line recovery pass failed ({ExceptionType}); it runs again.", EventName = "RecoveryFailed")]
        public static partial void RoundFailed(ILogger logger, string? exceptionType);
    }
}
