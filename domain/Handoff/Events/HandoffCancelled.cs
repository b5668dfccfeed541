namespace ChatSupport.Domain.Handoff.Events;

/// <summary>The person stopped waiting; the bot has the conversation again.</summary>
public sealed record HandoffCancelled(string ConversationId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
