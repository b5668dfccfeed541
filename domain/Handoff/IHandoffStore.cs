namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Durable handoff sessions. Saves are conditional on the version that was read, so of two
/// concurrent transitions (two counselors pressing "take" at once) exactly one is stored.
/// </summary>
public interface IHandoffStore
{
    Task<HandoffSession?> FindAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the session if its stored version is still <see cref="HandoffSession.Version"/> (0: must
    /// not exist yet). On success the session's version moves on and its pending events are cleared;
    /// returns false (and changes nothing) when someone else saved first.
    /// </summary>
    Task<bool> TrySaveAsync(HandoffSession session, CancellationToken cancellationToken = default);

    /// <summary>Every session in one of <paramref name="states"/> (unordered).</summary>
    Task<IReadOnlyList<HandoffSession>> ListAsync(IReadOnlyCollection<HandoffState> states, CancellationToken cancellationToken = default);
}
