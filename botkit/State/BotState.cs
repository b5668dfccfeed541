using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Turns;

namespace ChatSupport.BotKit.State;

/// <summary>
/// State kept across turns under one storage key per scope (a conversation, a user). Load once per
/// turn, read and change it through <see cref="IStatePropertyAccessor{T}"/>s, save at the end of the
/// turn; the save is conditional on the version that was loaded.
/// </summary>
public abstract class BotState
{
    private readonly IStorage _storage;
    private readonly string _contextKey;

    protected BotState(IStorage storage, string contextKey)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _contextKey = contextKey;
    }

    public static JsonSerializerOptions JsonOptions => ActivityJson.Options;

    public IStatePropertyAccessor<T> CreateProperty<T>(string name) => new StatePropertyAccessor<T>(this, name);

    /// <summary>The storage key for this scope in this turn, e.g. "directline/conversations/abc".</summary>
    public abstract string GetStorageKey(ITurnContext turnContext);

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(_contextKey);
        if (cached is not null && !force)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var state = items.TryGetValue(key, out var item)
            ? new CachedState(item.Data, item.ETag, item.Json)
            : new CachedState([], StoreItem.Absent);
        turnContext.TurnState.Set(_contextKey, state);
    }

    /// <summary>Writes the state if it changed. Throws <see cref="StorageConcurrencyException"/> if someone else wrote first.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(_contextKey);
        if (cached is null)
        {
            return;
        }

        // The state's text is made once: compared with the text loaded, written, and kept as the new saved text.
        string? json = null;
        if (!force)
        {
            if (!cached.HasChanges(out json))
            {
                return;
            }
        }

        var key = GetStorageKey(turnContext);
        var etags = await _storage.WriteAsync(
            new Dictionary<string, StoreItem> { [key] = new(cached.Data, cached.ETag) { Json = json } },
            cancellationToken).ConfigureAwait(false);
        cached.MarkSaved(etags[key], json);
    }

    public Task ClearStateAsync(ITurnContext turnContext)
    {
        var cached = turnContext.TurnState.Get<CachedState>(_contextKey);
        turnContext.TurnState.Set(_contextKey, new CachedState([], cached?.ETag) { ForceChanged = true });
        return Task.CompletedTask;
    }

    internal CachedState GetCached(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedState>(_contextKey)
        ?? throw new InvalidOperationException($"{GetType().Name} was not loaded in this turn; call LoadAsync first.");

    internal sealed class CachedState(JsonObject data, string? etag, string? savedJson = null)
    {
        // The text of the state as loaded (the store's own text when it gave it) or last saved.
        private string _savedJson = savedJson ?? data.ToJsonString();

        public JsonObject Data { get; } = data;

        public string? ETag { get; private set; } = etag;

        public bool ForceChanged { get; init; }

        /// <summary>Objects handed out by accessors; written back into <see cref="Data"/> before a save.</summary>
        public Dictionary<string, (object? Value, Type Type)> Live { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Writes the accessors' objects back into <see cref="Data"/> and tells whether it differs from the saved
        /// state; <paramref name="json"/> is its text when that was made (null when forced to count as changed).
        /// </summary>
        public bool HasChanges(out string? json)
        {
            Flush();
            if (ForceChanged)
            {
                json = null;
                return true;
            }

            json = Data.ToJsonString();
            return json != _savedJson;
        }

        public void Flush()
        {
            foreach (var (name, (value, type)) in Live)
            {
                Data[name] = value is null ? null : JsonSerializer.SerializeToNode(value, type, JsonOptions);
            }
        }

        public void MarkSaved(string etag, string? json = null)
        {
            ETag = etag;
            _savedJson = json ?? Data.ToJsonString();
        }
    }
}

/// <summary>State per conversation (channel + conversation id).</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversation = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return $"{channel}/conversations/{conversation}";
    }
}

/// <summary>State per user of a channel.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var user = activity.From?.Id ?? throw new InvalidOperationException("The activity has no from.id.");
        return $"{channel}/users/{user}";
    }
}
