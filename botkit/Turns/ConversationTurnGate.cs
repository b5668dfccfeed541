namespace ChatSupport.BotKit.Turns;

/// <summary>
/// An async lock per conversation id: at most one turn of a conversation runs at a time.
/// Entries are removed when nobody holds or waits for them, so memory follows the number of
/// conversations with a turn in flight, not all conversations ever seen. At most
/// <see cref="MaxTurnsPerKey"/> turns of one conversation run or wait at once: one more is refused with
/// <see cref="TurnGateFullException"/>, so a flood in one conversation cannot pile up without bound.
/// </summary>
public sealed class ConversationTurnGate(int maxTurnsPerKey = ConversationTurnGate.DefaultMaxTurnsPerKey)
{
    public const int DefaultMaxTurnsPerKey = 64;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many turns of one conversation may run or wait at once.</summary>
    public int MaxTurnsPerKey { get; } = maxTurnsPerKey > 0 ? maxTurnsPerKey : throw new ArgumentOutOfRangeException(nameof(maxTurnsPerKey));

    /// <summary>True while one more turn of <paramref name="key"/> would be admitted.</summary>
    public bool HasRoom(string key)
    {
        lock (_entries)
        {
            return !_entries.TryGetValue(key, out var entry) || entry.Users < MaxTurnsPerKey;
        }
    }

    /// <exception cref="TurnGateFullException">Already <see cref="MaxTurnsPerKey"/> turns of this conversation run or wait.</exception>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            if (entry.Users >= MaxTurnsPerKey)
            {
                throw new TurnGateFullException(MaxTurnsPerKey);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Release(string key, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (held)
            {
                entry.Semaphore.Release();
            }

            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationTurnGate gate, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release(key, entry, held: true);
            }
        }
    }
}

/// <summary>Too many turns of one conversation are already running or waiting; try again later.</summary>
public sealed class TurnGateFullException(int limit)
    : InvalidOperationException($"{limit} turns of this conversation are already running or waiting; the sender should retry later.");
