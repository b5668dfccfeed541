using System.Text.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.BotKit.Activities;
using StackExchange.Redis;

namespace ChatSupport.Bot.Scale;

/// <summary>
/// Carries Direct Line stream wake-ups between nodes: a message stored or a typing indicator raised on one node
/// wakes the WebSocket streams of that conversation on every node. Only the conversation id, the sequence number
/// and transient activities (typing) travel; streams read stored messages from the database themselves.
/// </summary>
public sealed partial class RedisStreamBackplane(ConversationStreamHub hub, IConnectionMultiplexer redis, RedisOptions options, Storage.WorkLeases leases, ILogger<RedisStreamBackplane> logger) : IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Prefix + ":streams");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(_channel, (_, message) => Receive(message)).ConfigureAwait(false);
        hub.Forward = (conversationId, signal) =>
        {
            try
            {
                var wire = new Wire(leases.NodeId, conversationId, signal.AppendedUpTo, signal.Transient is null ? null : ActivityJson.Serialize(signal.Transient));
                subscriber.Publish(_channel, JsonSerializer.Serialize(wire), CommandFlags.FireAndForget);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                Log.SendFailed(logger, ex.GetType().Name);
            }
        };
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        hub.Forward = null;
        await redis.GetSubscriber().UnsubscribeAsync(_channel).ConfigureAwait(false);
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(message.ToString());
            if (wire is null || wire.Node == leases.NodeId)
            {
                return;
            }

            hub.Deliver(wire.Conversation, new StreamSignal(wire.Sequence, wire.Transient is null ? null : ActivityJson.Deserialize(wire.Transient)));
        }
        catch (JsonException)
        {
            Log.Unreadable(logger);
        }
    }

    private sealed record Wire(string Node, string Conversation, long Sequence, string? Transient);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A stream wake-up could not be sent to the other nodes ({Error}).", EventName = "StreamSignalSendFailed")]
        public static partial void SendFailed(ILogger logger, string error);

        [LoggerMessage(2, LogLevel.Warning, "An unreadable stream wake-up arrived from Redis and was ignored.", EventName = "StreamSignalUnreadable")]
        public static partial void Unreadable(ILogger logger);
    }
}
