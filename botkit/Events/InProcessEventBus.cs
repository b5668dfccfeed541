using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ChatSupport.BotKit.Events;

/// <summary>
/// The single-node bus. Each subscriber has its own unbounded queue and reader loop, so a
/// publisher (often a turn that holds its conversation's gate) never waits for a subscriber, a
/// slow subscriber never delays another, and one that throws only loses that one event.
/// </summary>
public sealed class InProcessEventBus : IEventBus, IDisposable
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Called when a handler throws (the bus itself keeps going).</summary>
    public Action<Exception>? OnHandlerError { get; set; }

    public Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Accepts(@event))
            {
                subscriber.Queue.Writer.TryWrite(@event);
            }
        }

        return Task.CompletedTask;
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        var subscriber = new Subscriber(e => e is TEvent, (e, ct) => handler((TEvent)e, ct));
        _subscribers[id] = subscriber;
        subscriber.Loop = Task.Run(() => PumpAsync(subscriber));
        return new Subscription(this, id);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Queue.Writer.TryComplete();
        }

        _subscribers.Clear();
        _stopping.Dispose();
    }

    private async Task PumpAsync(Subscriber subscriber)
    {
        try
        {
            await foreach (var item in subscriber.Queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await subscriber.Handle(item, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    OnHandlerError?.Invoke(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The bus is stopping.
        }
    }

    private void Unsubscribe(Guid id)
    {
        if (_subscribers.TryRemove(id, out var subscriber))
        {
            subscriber.Queue.Writer.TryComplete();
        }
    }

    private sealed class Subscriber(Func<IntegrationEvent, bool> accepts, Func<IntegrationEvent, CancellationToken, Task> handle)
    {
        public Channel<IntegrationEvent> Queue { get; } = Channel.CreateUnbounded<IntegrationEvent>(new UnboundedChannelOptions { SingleReader = true });

        public Func<IntegrationEvent, CancellationToken, Task> Handle { get; } = handle;

        public Task? Loop { get; set; }

        public bool Accepts(IntegrationEvent e) => accepts(e);
    }

    private sealed class Subscription(InProcessEventBus bus, Guid id) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(id);
    }
}
