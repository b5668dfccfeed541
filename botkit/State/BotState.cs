using System.Buffers;
using System.Text;
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
        // A store that gives its text (both stores do) leaves the tree unparsed: a turn reads its properties from the
        // text and writes the text to save from it, and parses the tree only when it needs one (CachedState.Data).
        var state = !items.TryGetValue(key, out var item) ? new CachedState([], StoreItem.Absent)
            : item.Json is { } json ? new CachedState(json, item.ETag)
            : new CachedState(item.Data, item.ETag);
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
            new Dictionary<string, StoreItem> { [key] = json is null ? new(cached.Data, cached.ETag) : StoreItem.FromJson(json, cached.ETag) },
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

    /// <summary>
    /// One scope's state in one turn. What is saved is exactly what the earlier code saved — the loaded object with
    /// every accessor's object serialized in its place (<c>SerializeToNode</c> into the tree, then
    /// <see cref="JsonNode.ToJsonString"/>) — but made without the intermediate trees: properties not changed in this
    /// turn are read from the loaded text, and the text to save is written in one pass, the accessors' objects
    /// serialized straight into it (<see cref="HasChanges"/>).
    /// </summary>
    internal sealed class CachedState
    {
        public CachedState(JsonObject data, string? etag, string? savedJson = null)
        {
            _data = data;
            ETag = etag;
            _savedJson = savedJson ?? data.ToJsonString();
            _loadedJson = _savedJson;
        }

        /// <summary>
        /// The state as the store's text (<see cref="StoreItem.Json"/>: exactly <c>Data.ToJsonString()</c> of the tree it
        /// holds); the tree is parsed from it only if something needs the tree itself.
        /// </summary>
        public CachedState(string json, string? etag)
        {
            ETag = etag;
            _savedJson = json;
            _loadedJson = json;
        }

        // The text of the state as loaded (the store's own text when it gave it) or last saved.
        private string _savedJson;

        // The loaded text, parsed once when a property is first read (properties are read from it, not from the tree).
        private readonly string _loadedJson;
        private JsonElement? _loaded;

        // The loaded tree (null until something needs it: then parsed from the loaded text); the accessors' objects
        // are in the text last made (_unflushed), not in this tree, until something needs the tree itself (a property
        // deleted, a forced save, a second save): then it is re-read from that text.
        private JsonObject? _data;
        private string? _unflushed;

        // Properties deleted in this turn: read from the tree, no longer from the loaded text.
        private HashSet<string>? _removed;

        /// <summary>The state as a tree, with the accessors' objects as they were when the text was last made.</summary>
        public JsonObject Data
        {
            get
            {
                if (_unflushed is not null)
                {
                    _data = JsonNode.Parse(_unflushed)!.AsObject();
                    _unflushed = null;
                }

                return _data ??= JsonNode.Parse(_loadedJson)!.AsObject();
            }
        }

        public string? ETag { get; private set; }

        public bool ForceChanged { get; init; }

        /// <summary>Objects handed out by accessors; written into the saved text (or the tree) at a save.</summary>
        public Dictionary<string, (object? Value, Type Type)> Live { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Reads the stored value of <paramref name="name"/>, a property the accessors do not hold (false when it is
        /// absent or JSON null). Such a property still has its loaded value, unless it was deleted in this turn.
        /// </summary>
        public bool TryRead<T>(string name, out T? value)
        {
            if (_removed is not null && _removed.Contains(name))
            {
                if (Data.TryGetPropertyValue(name, out var node) && node is not null)
                {
                    value = node.Deserialize<T>(JsonOptions);
                    return true;
                }
            }
            else
            {
                _loaded ??= ParseLoaded(_loadedJson);
                if (_loaded.Value.ValueKind == JsonValueKind.Object && _loaded.Value.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null)
                {
                    value = element.Deserialize<T>(JsonOptions);
                    return true;
                }
            }

            value = default;
            return false;
        }

        public void Remove(string name)
        {
            var data = Data;
            Live.Remove(name);
            data.Remove(name);
            (_removed ??= new(StringComparer.Ordinal)).Add(name);
        }

        private static JsonElement ParseLoaded(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = JsonOptions.MaxDepth });
            return JsonElement.ParseValue(ref reader);
        }

        /// <summary>
        /// Tells whether the state differs from the saved state; <paramref name="json"/> is its text when that was
        /// made (null when forced to count as changed). The text is the tree's properties in order, each accessor's
        /// object serialized in its property's place, then the accessors' new properties in the order they were
        /// added — what writing them into the tree and serializing the tree gave.
        /// </summary>
        public bool HasChanges(out string? json)
        {
            if (ForceChanged)
            {
                Flush();
                json = null;
                return true;
            }

            var buffer = new ArrayBufferWriter<byte>(Math.Max(256, _savedJson.Length + 256));
            if (_unflushed is null && _data is null)
            {
                // No tree was needed in this turn: the loaded text's properties, read from the text.
                _loaded ??= ParseLoaded(_loadedJson);
                WriteFromLoaded(buffer, _loaded.Value);
            }
            else
            {
                WriteFromTree(buffer, _unflushed is null ? _data! : Data);
            }

            json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            if (Live.Count > 0)
            {
                _unflushed = json;
            }

            return json != _savedJson;
        }

        // The same text as WriteFromTree on the tree parsed from the same text: the properties in order, each name
        // written as the tree's key and each value not held by an accessor as the tree's node writes it (a parsed
        // node writes its element).
        private void WriteFromLoaded(ArrayBufferWriter<byte> buffer, JsonElement loaded)
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            foreach (var property in loaded.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (Live.TryGetValue(property.Name, out var live))
                {
                    WriteLive(writer, live.Value, live.Type);
                }
                else if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }

            foreach (var (name, (value, type)) in Live)
            {
                if (!loaded.TryGetProperty(name, out _))
                {
                    writer.WritePropertyName(name);
                    WriteLive(writer, value, type);
                }
            }

            writer.WriteEndObject();
        }

        private void WriteFromTree(ArrayBufferWriter<byte> buffer, JsonObject data)
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            foreach (var (name, node) in data)
            {
                writer.WritePropertyName(name);
                if (Live.TryGetValue(name, out var live))
                {
                    WriteLive(writer, live.Value, live.Type);
                }
                else if (node is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    node.WriteTo(writer);
                }
            }

            foreach (var (name, (value, type)) in Live)
            {
                if (!data.ContainsKey(name))
                {
                    writer.WritePropertyName(name);
                    WriteLive(writer, value, type);
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteLive(Utf8JsonWriter writer, object? value, Type type)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, value, type, JsonOptions);
            }
        }

        /// <summary>Writes the accessors' objects into the tree (a cleared state's save).</summary>
        public void Flush()
        {
            var data = Data;
            foreach (var (name, (value, type)) in Live)
            {
                data[name] = value is null ? null : JsonSerializer.SerializeToNode(value, type, JsonOptions);
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
