using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff.Events;

/// <summary>A waiting conversation was raised to a higher priority.</summary>
public sealed record HandoffEscalated(string ConversationId, RiskLevel Priority, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
