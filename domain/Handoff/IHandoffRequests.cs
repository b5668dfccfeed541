using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Handoff;

/// <summary>Why a conversation is handed to a person.</summary>
public enum HandoffReason
{
    /// <summary>The person asked for a human.</summary>
    PersonAsked,

    /// <summary>The rule-based risk level reached the handoff threshold.</summary>
    Risk,

    /// <summary>The supervised AI triage raised the level (advice only; see ETHICS.md).</summary>
    AiSuggested,
}

/// <summary>A request to put a conversation in the counselors' queue, with what the counselor needs to know first.</summary>
public sealed record HandoffRequest(
    ConversationReference Conversation,
    HandoffReason Reason,
    RiskLevel Priority,
    IReadOnlyList<SupportCategory> Categories,
    IReadOnlyList<string> MatchedTerms,
    string? Preference = null,
    bool English = false);

/// <summary>What the bot can honestly tell the person after a request.</summary>
public sealed record HandoffRequestResult(bool Queued, bool AlreadyWithHuman, int? QueuePosition, bool CounselorsAvailableNow)
{
    /// <summary>
    /// The Japanese text for the person (waiting and their place, or outside hours with around-the-clock
    /// services), from the handoff text file; the bot sends it in the same turn. Null when there is nothing to say.
    /// </summary>
    public string? PersonMessage { get; init; }

    /// <summary>Outside counselor hours: when they next begin (JST hours from configuration); otherwise null.</summary>
    public DateTimeOffset? CounselorsBackAt { get; init; }
}

/// <summary>
/// The bot's one way into the human handoff: called from the dialogs (a person asks for a human)
/// and from the crisis path (high or critical risk). Never blocks on a counselor.
/// </summary>
public interface IHandoffRequests
{
    Task<HandoffRequestResult> RequestAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>True while a counselor holds the conversation or it waits in the queue (the bot stays silent then).</summary>
    Task<bool> IsWithHumanAsync(string conversationId, CancellationToken cancellationToken);
}
