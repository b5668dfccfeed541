using ChatSupport.BotKit.Events;

namespace ChatSupport.Domain.Handoff.Events;

/// <summary>Something happened to one conversation's handoff. Carries ids and levels, never message text.</summary>
public abstract record HandoffEvent(string ConversationId, DateTimeOffset OccurredAt) : IntegrationEvent(OccurredAt);
