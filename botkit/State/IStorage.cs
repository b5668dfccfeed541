using System.Text.Json.Nodes;

namespace ChatSupport.BotKit.State;

/// <summary>
/// A stored JSON document with its version. <see cref="ETag"/> is the version read; writing with
/// it succeeds only if nobody wrote in between. <see cref="Absent"/> writes only if the item does
/// not exist yet; a null or "*" ETag writes unconditionally.
/// </summary>
public sealed record StoreItem(JsonObject Data, string? ETag)
{
    private JsonObject? _data = Data;

    /// <summary>The document; for an item made <see cref="FromJson"/>, parsed from <see cref="Json"/> when first asked for.</summary>
    public JsonObject Data
    {
        get => _data ??= JsonNode.Parse(Json!)!.AsObject();
        init => _data = value;
    }

    /// <summary>An item given as its JSON text (a JSON object); <see cref="Data"/> is parsed from it only if asked for.</summary>
    public static StoreItem FromJson(string json, string? etag)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new StoreItem(null!, etag) { Json = json };
    }

    /// <summary>
    /// <see cref="Data"/> as JSON text (<see cref="JsonNode.ToJsonString"/>), when the one who made the item already
    /// has it: the stored text a store read, or the text <see cref="BotState"/> compared with the stored one before
    /// saving. A store writes it instead of serializing <see cref="Data"/> again; null when not known. It must be
    /// exactly <c>Data.ToJsonString()</c>.
    /// </summary>
    public string? Json { get; init; }

    /// <summary>The ETag of an item that was read and not found: the write creates it, or fails if someone else did.</summary>
    public const string Absent = "0";
}

/// <summary>Key-value storage for bot state with optimistic concurrency (the seam with two adapters: SQLite, memory).</summary>
public interface IStorage
{
    /// <summary>Returns the items that exist; missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes all items or none. Returns each key's new ETag. Throws
    /// <see cref="StorageConcurrencyException"/> when an item's ETag is stale.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}

/// <summary>Someone else changed the item since it was read.</summary>
public sealed class StorageConcurrencyException(string key)
    : Exception($"The stored item '{key}' was changed by another writer since it was read.")
{
    public string Key { get; } = key;
}
