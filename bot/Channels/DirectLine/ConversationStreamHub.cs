using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>
/// A wake-up for a stream: new stored activities up to a sequence, or a transient activity (typing) that is never
/// stored; a negative sequence ends the conversation's streams (<see cref="ConversationStreamHub.EndStreams"/>).
/// </summary>
public readonly record struct StreamSignal(long AppendedUpTo, Activity? Transient)
{
    public bool Ends => AppendedUpTo < 0;
}

/// <summary>
/// Tells the open streams of a conversation that something happened. It carries only signals:
/// subscribers read stored activities from the transcript themselves, so a signal that arrives
/// late or out of order can never make a stream skip a message.
/// </summary>
public sealed class ConversationStreamHub(ChatSupport.Domain.Telemetry.ChatSupportTelemetry? telemetry = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, ChannelWriter<StreamSignal>>> _subscribers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string conversationId, ChannelWriter<StreamSignal> writer)
    {
        var id = Guid.NewGuid();
        var set = _subscribers.GetOrAdd(conversationId, _ => new ConcurrentDictionary<Guid, ChannelWriter<StreamSignal>>());
        set[id] = writer;
        telemetry?.StreamOpened();
        return new Subscription(this, conversationId, id);
    }

    public int SubscriberCount(string conversationId) =>
        _subscribers.TryGetValue(conversationId, out var set) ? set.Count : 0;

    public void NotifyAppended(string conversationId, long sequence) => Publish(conversationId, new StreamSignal(sequence, null));

    public void PublishTransient(string conversationId, Activity activity) => Publish(conversationId, new StreamSignal(0, activity));

    /// <summary>Ends every open stream of the conversation, on every node (its tokens were revoked).</summary>
    public void EndStreams(string conversationId) => Publish(conversationId, new StreamSignal(-1, null));

    /// <summary>Set when several nodes serve together (Redis): every signal raised here is also sent to the other nodes.</summary>
    public Action<string, StreamSignal>? Forward { get; set; }

    /// <summary>Wakes this node's streams of the conversation (a signal from another node arrives here).</summary>
    public void Deliver(string conversationId, StreamSignal signal)
    {
        if (_subscribers.TryGetValue(conversationId, out var set))
        {
            foreach (var writer in set.Values)
            {
                writer.TryWrite(signal);
            }
        }
    }

    private void Publish(string conversationId, StreamSignal signal)
    {
        Deliver(conversationId, signal);
        Forward?.Invoke(conversationId, signal);
    }

    private void Unsubscribe(string conversationId, Guid id)
    {
        if (_subscribers.TryGetValue(conversationId, out var set))
        {
            if (set.TryRemove(id, out _))
            {
                telemetry?.StreamClosed();
            }

            if (set.IsEmpty)
            {
                _subscribers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Guid, ChannelWriter<StreamSignal>>>(conversationId, set));
            }
        }
    }

    private sealed class Subscription(ConversationStreamHub hub, string conversationId, Guid id) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(conversationId, id);
    }
}
