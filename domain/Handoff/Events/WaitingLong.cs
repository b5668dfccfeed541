namespace ChatSupport.Domain.Handoff.Events;

/// <summary>A conversation has waited longer than the long-wait threshold; the person was offered around-the-clock services.</summary>
public sealed record WaitingLong(string ConversationId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
