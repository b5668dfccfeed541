namespace ChatSupport.Domain.Handoff.Events;

/// <summary>The person wrote while waiting or with a counselor (the console reads the text from the transcript).</summary>
public sealed record PersonMessaged(string ConversationId, string? ActivityId, DateTimeOffset OccurredAt) : HandoffEvent(ConversationId, OccurredAt);
