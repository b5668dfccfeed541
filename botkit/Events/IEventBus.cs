namespace ChatSupport.BotKit.Events;

/// <summary>
/// Publishes events to whoever subscribed (the console, the supervisor dashboard, metrics).
/// In-process today (<see cref="InProcessEventBus"/>); a Redis pub/sub adapter shares it between nodes.
/// </summary>
public interface IEventBus
{
    /// <summary>Hands the event to every subscriber of its type; never waits for a subscriber to finish.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent;

    /// <summary>
    /// Calls <paramref name="handler"/> for every event assignable to <typeparamref name="TEvent"/>,
    /// one at a time in publishing order, until the subscription is disposed.
    /// </summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : IntegrationEvent;
}
