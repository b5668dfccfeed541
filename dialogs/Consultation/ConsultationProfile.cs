using ChatSupport.Domain.Directory;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Turns;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>What the bot remembers about one conversation besides its dialog stack (saved with conversation state).</summary>
public sealed class ConsultationProfile
{
    /// <summary>Show English texts (switched by the person, or by an English client locale).</summary>
    public bool English { get; set; }

    /// <summary>The conversation's risk level with the documented rules of <see cref="ConversationRisk"/>.</summary>
    public ConversationRisk Risk { get; set; } = ConversationRisk.Empty;

    public AgeBand? AgeBand { get; set; }

    public int? Age { get; set; }

    public string? PrefectureCode { get; set; }

    /// <summary>The person said no to the AI triage (ETH-04); the menu stops offering the opt-out button.</summary>
    public bool AiOptedOut { get; set; }

    /// <summary>This turn: the AI triage is on and the person has not said no, so the menu shows the opt-out button.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OfferAiOptOut { get; set; }

    /// <summary>The answer to the optional question after a counselor's conversation (helpful, not_helpful), if any.</summary>
    public string? Feedback { get; set; }

    /// <summary>The current crisis episode, if any (docs/crisis.md): what was sent and whether the safety check waits.</summary>
    public CrisisEpisode? Crisis { get; set; }

    /// <summary>How many answers the bot gave while waiting for a counselor (the full waiting line first, then a short one).</summary>
    public int WaitingReplies { get; set; }

    /// <summary>The turn's profile, loaded by <see cref="ConsultationBot"/> before any dialog runs.</summary>
    public static ConsultationProfile For(ITurnContext turnContext) =>
        turnContext.TurnState.Get<ConsultationProfile>() ?? new ConsultationProfile();

    public static bool IsEnglish(ITurnContext turnContext) => For(turnContext).English;
}
