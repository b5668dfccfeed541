using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff.Events;

/// <summary>The conversation joined the queue.</summary>
public sealed record HandoffRequested(string ConversationId, string ChannelId, RiskLevel Priority, DateTimeOffset WaitingSince, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
