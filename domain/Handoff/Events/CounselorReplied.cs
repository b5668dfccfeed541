namespace ChatSupport.Domain.Handoff.Events;

/// <summary>A counselor message was delivered to the person's channel and stored.</summary>
public sealed record CounselorReplied(string ConversationId, string CounselorId, string ActivityId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
