namespace ChatSupport.Domain.Handoff.Events;

/// <summary>A counselor took the conversation from the queue.</summary>
public sealed record HandoffClaimed(string ConversationId, string CounselorId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
