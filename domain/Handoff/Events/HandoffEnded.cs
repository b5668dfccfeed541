namespace ChatSupport.Domain.Handoff.Events;

/// <summary>The counselor ended the conversation: the bot resumes, or (Closed) the conversation is over.</summary>
public sealed record HandoffEnded(string ConversationId, string CounselorId, bool Closed, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
