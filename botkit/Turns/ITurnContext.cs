using ChatSupport.BotKit.Activities;

namespace ChatSupport.BotKit.Turns;

/// <summary>Called with the activities about to be sent; call <c>next</c> to send them.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext context, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>One turn: the incoming activity, a way to answer it, and state scoped to the turn.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    Activity Activity { get; }

    /// <summary>Values that live for this turn only (loaded state, risk result, …).</summary>
    TurnStateCollection TurnState { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a hook that sees (and may change or stop) every batch sent in this turn.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

/// <summary>Typed values attached to a turn.</summary>
public sealed class TurnStateCollection
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public T? Get<T>(string key)
        where T : class => _values.TryGetValue(key, out var value) ? value as T : null;

    public T? Get<T>()
        where T : class => Get<T>(typeof(T).FullName!);

    public void Set<T>(string key, T value)
        where T : class => _values[key] = value;

    public void Set<T>(T value)
        where T : class => Set(typeof(T).FullName!, value);

    public bool Remove(string key) => _values.Remove(key);
}
