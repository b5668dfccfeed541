using System.Collections.Frozen;
using System.Text.Json;
using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff.Events;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

/// <summary>
/// The event bus across nodes: an event is handed to this node's subscribers at once (as the single-node bus does)
/// and published on a Redis channel; every other node hands it to its own subscribers. Events carry ids and state
/// changes only (no message text); subscribers read what they show from the database, so an event lost while Redis
/// is down delays a screen but loses nothing stored.
/// </summary>
public sealed partial class RedisEventBus : IEventBus, IDisposable
{
    // Events are declared in the kit (BotKit), the domain (handoff events) and the host; all three are searched.
    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(IntegrationEvent).Assembly.GetTypes()
        .Concat(typeof(HandoffEvent).Assembly.GetTypes())
        .Concat(typeof(RedisEventBus).Assembly.GetTypes())
        .Where(t => !t.IsAbstract && typeof(IntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    private readonly InProcessEventBus _local;
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly string _node;
    private readonly ILogger<RedisEventBus> _logger;

    public RedisEventBus(InProcessEventBus local, IConnectionMultiplexer redis, RedisOptions options, string nodeId, ILogger<RedisEventBus> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _local = local;
        _redis = redis;
        _node = nodeId;
        _logger = logger;
        _channel = RedisChannel.Literal(options.Prefix + ":events");
        redis.GetSubscriber().Subscribe(_channel, (_, message) => Receive(message));
    }

    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(@event);
        await _local.PublishAsync(@event, cancellationToken).ConfigureAwait(false);
        try
        {
            var envelope = new Envelope(_node, @event.GetType().FullName!, JsonSerializer.SerializeToElement(@event, @event.GetType()));
            await _redis.GetSubscriber().PublishAsync(_channel, JsonSerializer.Serialize(envelope)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.PublishFailed(_logger, ex.GetType().Name);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : IntegrationEvent => _local.Subscribe(handler);

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(_channel);

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
            if (envelope is null || envelope.Node == _node || !EventTypes.TryGetValue(envelope.Type, out var type))
            {
                return;
            }

            if (envelope.Event.Deserialize(type) is IntegrationEvent @event)
            {
                _ = _local.PublishAsync(@event);
            }
        }
        catch (JsonException)
        {
            Log.Unreadable(_logger);
        }
    }

    private sealed record Envelope(string Node, string Type, JsonElement Event);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "An event could not be sent to the other nodes ({Error}); this node's subscribers have it.", EventName = "EventPublishFailed")]
        public static partial void PublishFailed(ILogger logger, string error);

        [LoggerMessage(2, LogLevel.Warning, "An unreadable event arrived from Redis and was ignored.", EventName = "EventUnreadable")]
        public static partial void Unreadable(ILogger logger);
    }
}
