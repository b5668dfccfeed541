namespace ChatSupport.Domain.Handoff.Events;

/// <summary>The person is typing (shown live in the console, never stored).</summary>
public sealed record PersonTyped(string ConversationId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
