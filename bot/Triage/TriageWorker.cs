using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// Reads the triage queue in the background (<see cref="TriageOptions.Concurrency"/> readers) and runs the retention
/// job once a day (ETH-10). A failure on one message is logged by type and never stops the worker.
/// </summary>
public sealed class TriageWorker(TriageQueue queue, TriageProcessor processor, Domain.Triage.ITriageReviewStore reviews, IOptions<TriageOptions> options, TimeProvider clock, ILogger<TriageWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var readers = Enumerable.Range(0, Math.Clamp(options.Value.Concurrency, 1, 16)).Select(_ => ReadAsync(stoppingToken));
        return Task.WhenAll([.. readers, RetentionAsync(stoppingToken)]);
    }

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await processor.ProcessAsync(item, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    TriageLog.ProcessingFailed(logger, item.ConversationId, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RetentionAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                var erased = await reviews.EraseTextsOlderThanAsync(clock.GetUtcNow().AddDays(-Math.Max(1, options.Value.RetentionDays)), stoppingToken).ConfigureAwait(false);
                if (erased > 0)
                {
                    TriageLog.Erased(logger, erased);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TriageLog.ProcessingFailed(logger, "-", e.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
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
}
