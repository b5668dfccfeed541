using ChatSupport.Bot.Storage;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// Runs the turns of Direct Line messages that were stored but never answered because the process stopped in
/// between (a crash, a killed container): at start, then every <see cref="Interval"/>. On SQLite this process is
/// the only one serving the file, so every pending turn it is not running itself is an orphan; on PostgreSQL a turn
/// counts as orphaned only after <see cref="DirectLineOptions.RecoverAfter"/>, and one node at a time recovers (work
/// lease). A message that already has a reply (the crash came after the answer, before the pending mark was cleared)
/// is not answered twice; a recovered turn never leaves the person unanswered.
/// </summary>
public sealed partial class DirectLineRecovery(
    DirectLineServices s,
    WorkLeases leases,
    ILogger<DirectLineRecovery> logger) : BackgroundService
{
    private const int BatchSize = 200;

    // How far after a message its reply is looked for (the replies of one turn follow its message closely).
    private const int ReplyLookahead = 50;

    /// <summary>How often the pass runs: a quarter of <see cref="DirectLineOptions.RecoverAfter"/>, between 1 and 30 seconds.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks(Math.Clamp(s.Options.RecoverAfter.Ticks / 4, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));

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
        foreach (var turn in await s.Sessions.OrphanedAsync(s.Options.RecoverAfter, BatchSize, cancellationToken).ConfigureAwait(false))
        {
            if (!s.Sessions.TryStartRecovered(turn))
            {
                continue;
            }

            var entries = await s.Transcript.ReadAsync(turn.ConversationId, turn.Sequence - 1, ReplyLookahead, cancellationToken).ConfigureAwait(false);
            if (entries.Count > 0 && entries[0].Sequence == turn.Sequence
                && !Answered(entries)
                && !await s.Sessions.IsRevokedAsync(turn.ConversationId, cancellationToken).ConfigureAwait(false))
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

    /// <summary>True when a reply to the first entry (the person's message) is already stored after it.</summary>
    private static bool Answered(IReadOnlyList<TranscriptEntry> entries)
    {
        var id = entries[0].Activity.Id;
        return id is not null && entries.Skip(1).Any(e => e.Direction == TranscriptDirection.Outbound && string.Equals(e.Activity.ReplyToId, id, StringComparison.Ordinal));
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
