using ChatSupport.BotKit.Events;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Where every change to a handoff session goes through: the store (an optimistic save, so of two
/// writers exactly one wins) and then the bus (the session's events, only after the save succeeded).
/// </summary>
public sealed class HandoffSessions(IHandoffStore store, IEventBus bus, Telemetry.ChatSupportTelemetry? telemetry = null)
{
    /// <summary>How often a person-side change is retried when another writer changed the session in between.</summary>
    public const int SaveAttempts = 5;

    public Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        store.FindAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<HandoffSession>> ListAsync(IReadOnlyCollection<HandoffState> states, CancellationToken cancellationToken = default) =>
        store.ListAsync(states, cancellationToken);

    /// <summary>Saves the session if nobody changed it since it was read, then publishes its pending events; false when someone did.</summary>
    public async Task<bool> TrySaveAsync(HandoffSession session, CancellationToken cancellationToken)
    {
        var events = session.PendingEvents.ToArray();
        var waitingSince = session.WaitingSince;
        using (var span = Telemetry.ChatSupportTelemetry.Source.StartActivity("handoff.save"))
        {
            var saved = await store.TrySaveAsync(session, cancellationToken).ConfigureAwait(false);
            span?.SetTag("handoff.state", session.State.ToString().ToLowerInvariant());
            span?.SetTag("outcome", saved ? "saved" : "conflict");
            if (!saved)
            {
                return false;
            }
        }

        if (telemetry is not null)
        {
            foreach (var e in events)
            {
                if (e is Events.HandoffRequested requested)
                {
                    telemetry.HandoffRequested(requested.Priority);
                }
                else if (e is Events.HandoffClaimed claimed && (waitingSince ?? session.WaitingSince) is { } since)
                {
                    telemetry.HandoffClaimed(session.Priority, claimed.OccurredAt - since);
                }
            }
        }

        foreach (var e in events)
        {
            await bus.PublishAsync(e, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    public Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent =>
        bus.PublishAsync(@event, cancellationToken);
}
