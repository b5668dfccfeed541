namespace ChatSupport.Domain.Handoff.Events;

/// <summary>A counselor handed the conversation back to the queue, or to a named counselor.</summary>
public sealed record HandoffTransferred(string ConversationId, string FromCounselorId, string? ToCounselorId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
