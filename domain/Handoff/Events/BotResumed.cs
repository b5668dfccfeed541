using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Events;

namespace ChatSupport.Domain.Handoff.Events;

/// <summary>
/// A counselor ended the conversation (not closed it) and the person has had the closing message: the bot
/// has the conversation again and may continue it (its optional feedback question) through
/// <paramref name="Reference"/>. Published after the closing message, so whatever the bot sends comes after it.
/// Carries ids only.
/// </summary>
public sealed record BotResumed(string ConversationId, ConversationReference Reference, DateTimeOffset OccurredAt) : IntegrationEvent(OccurredAt);
