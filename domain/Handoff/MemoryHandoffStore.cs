using System.Collections.Concurrent;

namespace ChatSupport.Domain.Handoff;

/// <summary>An in-memory <see cref="IHandoffStore"/> with the same version rule as the durable stores (tests, one process).</summary>
public sealed class MemoryHandoffStore : IHandoffStore
{
    private readonly ConcurrentDictionary<string, HandoffSessionSnapshot> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_sessions.TryGetValue(conversationId, out var s) ? HandoffSession.Restore(s) : null);

    public Task<bool> TrySaveAsync(HandoffSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_lock)
        {
            var stored = _sessions.TryGetValue(session.ConversationId, out var s) ? s.Version : 0;
            if (stored != session.Version)
            {
                return Task.FromResult(false);
            }

            var next = stored + 1;
            _sessions[session.ConversationId] = session.ToSnapshot() with { Version = next };
            session.MarkSaved(next);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<HandoffSession>> ListAsync(IReadOnlyCollection<HandoffState> states, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HandoffSession>>(_sessions.Values.Where(s => states.Contains(s.State)).Select(HandoffSession.Restore).ToList());
}
