using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>What the bot remembers about one conversation besides its dialog stack (saved with conversation state).</summary>
public sealed class ConsultationProfile
{
    /// <summary>Show English texts (switched by the person, or by an English client locale).</summary>
    public bool English { get; set; }

    /// <summary>The person chose the language (「English」/「日本語」); the bot no longer switches by itself.</summary>
    public bool LanguageChosen { get; set; }

    /// <summary>The conversation's risk level with the documented rules of <see cref="ConversationRisk"/>.</summary>
    public ConversationRisk Risk { get; set; } = ConversationRisk.Empty;

    /// <summary>The age band the person gave (written in a message or answered), if any.</summary>
    public AgeBand? AgeBand { get; set; }

    public int? Age { get; set; }

    /// <summary>The JIS code of the prefecture the person named, if any.</summary>
    public string? PrefectureCode { get; set; }

    /// <summary>What the conversation has been about so far, most recent first (never more than a few).</summary>
    public List<SupportCategory> Topics { get; set; } = [];

    /// <summary>Topics for which services were already shown (they are not pushed again unless asked).</summary>
    public List<SupportCategory> Offered { get; set; } = [];

    /// <summary>The person cannot or will not phone: text ways are offered first.</summary>
    public bool PrefersText { get; set; }

    /// <summary>A kind of counselor the person asked for (女性の相談員, 男性の相談員, 若い相談員), if any.</summary>
    public string? CounselorPreference { get; set; }

    /// <summary>The person is looking for work (a job search or a lost job): a place that helps towards work ranks first.</summary>
    public bool SeeksWork { get; set; }

    /// <summary>The person has left home or has nowhere to stay tonight: home is not where their safety is asked about.</summary>
    public bool AwayFromHome { get; set; }

    /// <summary>The Japanese name of the last directory service the person asked about (チャイルドラインって…), or null.</summary>
    public string? NamedService { get; set; }

    /// <summary>The value of <see cref="Messages"/> when <see cref="NamedService"/> was asked about.</summary>
    public int NamedServiceAt { get; set; }

    /// <summary>Messages with content the bot has answered in this conversation.</summary>
    public int Messages { get; set; }

    /// <summary>
    /// Whether the bot has asked directly about thoughts of dying after words of hopelessness (it asks once at most in a
    /// conversation; docs/consultation.md, "Round 17").
    /// </summary>
    public bool AskedAboutDying { get; set; }

    /// <summary>The value of <see cref="Messages"/> when the question about dying was asked; null once it was answered or passed.</summary>
    public int? DyingQuestionAt { get; set; }

    /// <summary>A criminal side job (闇バイト) was told in this conversation.</summary>
    public bool DarkJob { get; set; }

    /// <summary>The value of <see cref="Messages"/> when a message was last about someone else (友達のことなんだけど).</summary>
    public int? AboutSomeoneElseAt { get; set; }

    /// <summary>Whether the bot has asked for the age band (it asks once at most).</summary>
    public bool AskedAge { get; set; }

    /// <summary>The text ids of the last lines the bot chose from a list of variants, newest last (so it does not repeat itself).</summary>
    public List<string> RecentLines { get; set; } = [];

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

    /// <summary>Remembers a topic (most recent first, at most five).</summary>
    public void RememberTopic(SupportCategory category)
    {
        Topics.Remove(category);
        Topics.Insert(0, category);
        if (Topics.Count > 5)
        {
            Topics.RemoveAt(Topics.Count - 1);
        }
    }

    /// <summary>Remembers that a line was used (the last eight are kept).</summary>
    public void RememberLine(string id)
    {
        RecentLines.Remove(id);
        RecentLines.Add(id);
        if (RecentLines.Count > 8)
        {
            RecentLines.RemoveAt(0);
        }
    }
}
