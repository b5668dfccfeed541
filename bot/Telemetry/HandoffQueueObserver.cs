using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Telemetry;

namespace ChatSupport.Bot.Telemetry;

/// <summary>
/// Refreshes the queue gauges (length and longest wait by priority) from the store every few seconds, so a
/// scrape never queries the store and every node reports the shared queue.
/// </summary>
public sealed partial class HandoffQueueObserver(HandoffSessions sessions, ChatSupportTelemetry telemetry, TimeProvider clock, IConfiguration configuration, ILogger<HandoffQueueObserver> logger) : BackgroundService
{
    private static readonly HandoffState[] Waiting = [HandoffState.Waiting];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("ChatSupport:Telemetry:QueueRefresh", TimeSpan.FromSeconds(15));
        using var timer = new PeriodicTimer(every < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : every, clock);
        do
        {
            try
            {
                var waiting = await sessions.ListAsync(Waiting, stoppingToken).ConfigureAwait(false);
                var now = clock.GetUtcNow();
                telemetry.ObserveQueue(waiting.Select(s => (s.Priority, s.WaitingSince is { } since ? now - since : TimeSpan.Zero)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.RefreshFailed(logger, e.GetType().Name);
            }
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    // A host that stops before it has started (a port already in use) cancels the token without StopAsync; the
    // cancelled wait then ends the loop quietly instead of failing the host a second time.
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The queue gauges could not be refreshed: {ExceptionType}.", EventName = "QueueGaugesFailed")]
        public static partial void RefreshFailed(ILogger logger, string exceptionType);
    }
}
