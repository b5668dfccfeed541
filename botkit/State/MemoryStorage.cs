using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatSupport.BotKit.State;

/// <summary>In-process storage for tests and single-process tools; same concurrency contract as the SQLite store.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (string Json, long Version)> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    result[key] = new StoreItem((JsonObject)JsonNode.Parse(item.Json)!, item.Version.ToString(CultureInfo.InvariantCulture)) { Json = item.Json };
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var (key, item) in changes)
            {
                if (!IsCurrent(key, item.ETag))
                {
                    throw new StorageConcurrencyException(key);
                }
            }

            foreach (var (key, item) in changes)
            {
                var version = ++_version;
                _items[key] = (item.Json ?? item.Data.ToJsonString(), version);
                etags[key] = version.ToString(CultureInfo.InvariantCulture);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        lock (_items)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private bool IsCurrent(string key, string? etag)
    {
        if (etag is null or "*")
        {
            return true;
        }

        if (etag == StoreItem.Absent)
        {
            return !_items.ContainsKey(key);
        }

        return _items.TryGetValue(key, out var existing) && existing.Version.ToString(CultureInfo.InvariantCulture) == etag;
    }
}
