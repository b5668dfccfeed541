using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>Wakes the processor when the webhook stored new events.</summary>
public sealed class LineInboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Processes the stored webhook events: one person's events strictly in the order they were stored,
/// different people in parallel. An event is completed together with the queueing of its replies in
/// one transaction, so after a crash an event is either processed again (nothing of it was sent) or
/// its queued replies are sent with their stored retry keys (never twice). Work left at a restart is
/// picked up at start and then every <see cref="LineOptions.PollInterval"/>.
/// </summary>
public sealed class LineEventProcessor(
    LineStore store,
    LineAdapter adapter,
    LineDelivery delivery,
    IBot bot,
    ITranscriptStore transcript,
    IConversationStore conversations,
    LineInboxSignal signal,
    IOptions<LineOptions> options,
    TimeProvider clock,
    ILogger<LineEventProcessor> logger,
    Storage.WorkLeases leases) : BackgroundService
{
    /// <summary>How long a node's hold on the LINE work lasts without renewal (a dead node's work moves after this).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private const int BatchSize = 500;
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never the exception itself: its message can quote what the person wrote.
                logger.LogError("The LINE event round failed ({ExceptionType} at {Site}); it is tried again.", ex.GetType().FullName, Site(ex));
            }

            if (!more)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: queued sends first, then stored events. True when a full batch was processed and more may wait.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Several nodes: only the holder of the lease processes the inbox and sends, so nothing is answered twice.
            if (!await leases.TryHoldAsync("line-inbox", LeaseDuration, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var blocked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var conversationId in await store.ConversationsWithPendingOutboxAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await delivery.DeliverAsync(conversationId, cancellationToken).ConfigureAwait(false))
                {
                    blocked.Add(conversationId);
                }
            }

            var events = await store.PendingEventsAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            var groups = events.GroupBy(e => e.ConversationId, StringComparer.Ordinal)
                .Where(g => !blocked.Contains(g.Key))
                .ToList();
            var progress = 0;
            await Parallel.ForEachAsync(
                groups,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallelConversations), CancellationToken = cancellationToken },
                async (group, ct) =>
                {
                    foreach (var item in group)
                    {
                        if (!await ProcessAsync(item, ct).ConfigureAwait(false))
                        {
                            return;
                        }

                        Interlocked.Increment(ref progress);
                        if (group.Key.Length > 0 && !await delivery.DeliverAsync(group.Key, ct).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }).ConfigureAwait(false);
            return events.Count == BatchSize && progress > 0;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>Processes one stored event; false when it failed and the person's later events must wait.</summary>
    private async Task<bool> ProcessAsync(LineInboxEvent stored, CancellationToken cancellationToken)
    {
        try
        {
            var e = LineInboundEvent.Parse(stored.EventJson);
            var now = clock.GetUtcNow();
            if (e.Kind == LineEventKind.Ignored || e.LineUserId is null)
            {
                logger.LogInformation("LINE event {Seq} of type {Type} skipped (not handled here).", stored.Seq, Safe(e.Type));
                await store.CompleteEventAsync(stored.Seq, LineInboxState.Skipped, stored.ConversationId, [], now, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var conversationId = stored.ConversationId;
            await store.UpsertUserAsync(
                conversationId,
                e.LineUserId,
                e.Kind switch { LineEventKind.Follow => true, LineEventKind.Unfollow => false, _ => null },
                now,
                cancellationToken).ConfigureAwait(false);
            await conversations.TryCreateAsync(
                new ConversationRecord(conversationId, LineAdapter.ChannelId, LineIds.ActivityUserId(e.LineUserId), now),
                cancellationToken).ConfigureAwait(false);
            if (e.MarkAsReadToken is not null)
            {
                await store.SetMarkAsReadTokenAsync(conversationId, e.MarkAsReadToken, cancellationToken).ConfigureAwait(false);
            }

            var activity = e.ToActivity(conversationId, now)!;
            if (e.Kind == LineEventKind.Unfollow)
            {
                // The person blocked the account: record it, send nothing, drop what was queued.
                await AppendInboundOnceAsync(stored, activity, cancellationToken).ConfigureAwait(false);
                await store.DropPendingOutboxAsync(conversationId, cancellationToken).ConfigureAwait(false);
                await store.CompleteEventAsync(stored.Seq, LineInboxState.Done, conversationId, [], now, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("LINE conversation marked unfollowed; nothing more is sent.");
                return true;
            }

            if (activity.IsType(ActivityTypes.Message))
            {
                // Stored before the bot sees it, once even if the event is processed again after a crash.
                await AppendInboundOnceAsync(stored, activity, cancellationToken).ConfigureAwait(false);
            }

            // Stickers, images and the like arrive as messages without text: the bot answers them kindly
            // (only text is read here) and asks its open question again, with its buttons.
            var outgoing = await adapter.RunEventTurnAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

            // The reply token counts from the event's own time (or from when it arrived, if that is earlier).
            var eventTime = e.Timestamp is { } ts && ts < stored.ReceivedAt ? ts : stored.ReceivedAt;
            var replyToken = e.IsRedelivery ? null : e.ReplyToken;
            var drafts = LineMessageMapper.ToCalls(outgoing)
                .Select((call, i) => i == 0 && replyToken is not null
                    ? new LineOutboxDraft(call.ToJsonString(), replyToken, eventTime + options.Value.ReplyTokenLifetime)
                    : new LineOutboxDraft(call.ToJsonString(), null, null))
                .ToList();
            await store.CompleteEventAsync(stored.Seq, LineInboxState.Done, conversationId, drafts, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = await store.CountEventAttemptAsync(stored.Seq, CancellationToken.None).ConfigureAwait(false);
            logger.LogError("LINE event {Seq} failed (attempt {Attempts}): {ExceptionType} at {Site}.", stored.Seq, attempts, ex.GetType().FullName, Site(ex));
            if (attempts >= options.Value.MaxEventAttempts)
            {
                await store.CompleteEventAsync(stored.Seq, LineInboxState.Failed, stored.ConversationId, [], clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return true;
            }

            return false;
        }
    }

    private async Task AppendInboundOnceAsync(LineInboxEvent stored, Activity activity, CancellationToken cancellationToken)
    {
        if (stored.TranscriptSeq is { } seq)
        {
            activity.Id = TranscriptIds.ActivityId(stored.ConversationId, seq);
            return;
        }

        var entry = await transcript.AppendAsync(stored.ConversationId, TranscriptDirection.Inbound, activity, CancellationToken.None).ConfigureAwait(false);
        await store.SetTranscriptSeqAsync(stored.Seq, entry.Sequence, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Event types come from outside: only a short, plain name is logged.</summary>
    private static string Safe(string type) =>
        type.Length <= 32 && type.All(char.IsAsciiLetterOrDigit) ? type : "(unusual)";

    private static string Site(Exception ex) =>
        ex.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown";
}
