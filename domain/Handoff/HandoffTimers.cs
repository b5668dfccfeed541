namespace ChatSupport.Domain.Handoff;

/// <summary>What the handoff does by the clock rather than by someone's action (run by the host's watcher).</summary>
public sealed class HandoffTimers(
    HandoffSessions sessions,
    HandoffQueries queries,
    HandoffDelivery delivery,
    HandoffOptions options,
    TimeProvider clock)
{
    /// <summary>
    /// Offers around-the-clock services, once per wait, to everyone who has waited longer than
    /// <see cref="HandoffOptions.LongWait"/>; they keep their place. Returns how many were told.
    /// </summary>
    public async Task<int> NotifyLongWaitsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var queue = await queries.GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var told = 0;
        for (var i = 0; i < queue.Count; i++)
        {
            var session = queue[i];
            if (session.LongWaitNoticeAt is not null || session.WaitingFor(now) < options.LongWait)
            {
                continue;
            }

            session.NoteLongWait(now);
            if (!await sessions.TrySaveAsync(session, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var text = HandoffTexts.Fill(HandoffTexts.Fill(queries.Texts.In(session.English).LongWait, "position", i + 1), "services", queries.ServicesText(session.English));
            await delivery.DeliverAsync(session, session.Reference.CreateMessage(text), cancellationToken).ConfigureAwait(false);
            told++;
        }

        return told;
    }
}
