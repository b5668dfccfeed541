namespace ChatSupport.Domain.Handoff.Events;

/// <summary>
/// The person left with the quick-exit button: nothing more reaches them in this conversation. A wait for a
/// counselor ends with it; a counselor who holds the conversation is told at once.
/// </summary>
public sealed record PersonLeft(string ConversationId, bool WasWaiting, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
