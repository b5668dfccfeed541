namespace ChatSupport.BotKit.Events;

/// <summary>
/// The base of every event on the bus: a unique id and the time it happened (from the
/// <see cref="TimeProvider"/> of whoever raised it). Events are named in the past tense.
/// </summary>
public abstract record IntegrationEvent(DateTimeOffset OccurredAt)
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}
