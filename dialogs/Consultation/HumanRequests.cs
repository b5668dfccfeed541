using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// Puts the person in the counselors' queue when they ask for a human or when risk is high enough,
/// and tells them honestly what happens; where no handoff is configured (or outside counselor hours)
/// it says so and shows services open right now instead.
/// </summary>
public sealed class HumanRequests(BotTexts texts, SupportDirectory directory, ServiceCards cards, TimeProvider clock, IHandoffRequests? handoff = null, RiskLevel autoHandoffLevel = RiskLevel.High, CounselorHours? hours = null, CounselorAvailability? availability = null)
{
    /// <summary>A handoff to counselors is configured in this deployment.</summary>
    public bool IsAvailable => handoff is not null;

    /// <summary>When counselors answer, as a person reads it (「月〜金 17:00〜22:00」), or null when no handoff is configured.</summary>
    public string? HoursText => HoursTextIn(false);

    /// <summary>The counselor hours as the person reads them, in their language; null without a handoff.</summary>
    public string? HoursTextIn(bool english) => handoff is null
        ? null
        : english ? (hours ?? CounselorHours.Parse(null)).DescriptionEnglish : (hours ?? CounselorHours.Parse(null)).Description;

    /// <summary>
    /// Whether a counselor could take a conversation now: within hours and someone signed in and available
    /// (<see cref="CounselorAvailability"/>); without it (unit tests), within hours. Always false without a handoff.
    /// </summary>
    public async Task<bool> SomeoneOnDutyAsync(CancellationToken cancellationToken) =>
        handoff is not null && (availability is null ? IsCounselorHours : await availability.OnDutyAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Whether it is counselor hours now (always false without a handoff).</summary>
    public bool IsCounselorHours => handoff is not null && (hours ?? CounselorHours.Parse(null)).IsOpen(clock.GetUtcNow());

    /// <summary>The preference label counselors see, from the understanding's wire value (female, male, young).</summary>
    public static string? PreferenceLabel(string? wire) => wire switch
    {
        "female" => "女性の相談員",
        "male" => "男性の相談員",
        "young" => "若い相談員",
        _ => null,
    };

    /// <summary>The person asked for a human. Returns true when the conversation is now with (or waiting for) a counselor.</summary>
    public async Task<bool> RequestByPersonAsync(ITurnContext turnContext, CancellationToken cancellationToken, string? preference = null)
    {
        var profile = ConsultationProfile.For(turnContext);
        var english = profile.English;
        var result = await RequestAsync(turnContext, HandoffReason.PersonAsked, profile.Risk.Level, profile.Risk.Categories, [], cancellationToken, preference).ConfigureAwait(false);
        if (result is { AlreadyWithHuman: true } or { Queued: true } && result.PersonMessage is { } personMessage)
        {
            // The handoff's own text in the person's language: waiting and the place in the queue, or outside hours with 24-hour services.
            await turnContext.SendActivityAsync(personMessage, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (result is { AlreadyWithHuman: true })
        {
            await turnContext.SendActivityAsync(texts.Get("human.already", english), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (result is { Queued: true })
        {
            var text = texts.Get("human.queued", english);
            if (result.QueuePosition is > 0 and var position)
            {
                text += "\n" + texts.Format("human.queued.position", english, position - 1);
            }

            await turnContext.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
            if (!result.CounselorsAvailableNow)
            {
                await SendAroundTheClockAsync(turnContext, "human.closed", cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        await SendAroundTheClockAsync(turnContext, result is null ? "human.unavailable" : "human.closed", cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Whole messages that ask for a person of a kind, and the preference shown to counselors. The queue's
    /// order never looks at it (a critical conversation is never delayed); counselors see it on the item
    /// and in the conversation, so one who fits can take it.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> PreferencePhrases { get; } = new Dictionary<string, string[]>
    {
        ["女性の相談員"] = ["女性の相談員と話したい", "女性の相談員がいい", "女の人と話したい", "女性と話したい", "女性がいい", "女の人がいい"],
        ["男性の相談員"] = ["男性の相談員と話したい", "男性の相談員がいい", "男の人と話したい", "男性と話したい", "男性がいい", "男の人がいい"],
        ["若い相談員"] = ["若い人と話したい", "若い相談員と話したい", "若い相談員がいい", "年の近い人と話したい", "歳の近い人と話したい"],
    };

    /// <summary>While waiting: a kind of counselor the person asked for later joins the queue item (its priority is unchanged).</summary>
    public Task<HandoffRequestResult?> UpdatePreferenceAsync(ITurnContext turnContext, string preference, CancellationToken cancellationToken)
    {
        var profile = ConsultationProfile.For(turnContext);
        return RequestAsync(turnContext, HandoffReason.PersonAsked, profile.Risk.Level, profile.Risk.Categories, [], cancellationToken, preference);
    }

    /// <summary>A high or critical message: queue the conversation with that priority (if handoff is configured and the level reaches the threshold).</summary>
    public Task<HandoffRequestResult?> RequestForRiskAsync(ITurnContext turnContext, RiskAssessment assessment, CancellationToken cancellationToken)
    {
        if (assessment.Level < autoHandoffLevel)
        {
            return Task.FromResult<HandoffRequestResult?>(null);
        }

        var profile = ConsultationProfile.For(turnContext);
        var categories = profile.Risk.Categories.Union(assessment.Categories).ToList();
        var terms = assessment.Matches.Select(m => m.Term).Distinct().ToList();
        return RequestAsync(turnContext, HandoffReason.Risk, RiskLevels.Max(assessment.Level, profile.Risk.Level), categories, terms, cancellationToken);
    }

    /// <summary>
    /// A yes to the direct question about dying (ある, 少しある): queued, or raised in the queue, at high priority with the
    /// suicidal category, where the level reaches the handoff threshold. Null without a handoff or below the threshold.
    /// </summary>
    public Task<HandoffRequestResult?> RequestForDyingAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (RiskLevel.High < autoHandoffLevel)
        {
            return Task.FromResult<HandoffRequestResult?>(null);
        }

        var profile = ConsultationProfile.For(turnContext);
        var categories = profile.Risk.Categories.Union([SupportCategory.Suicidal]).ToList();
        return RequestAsync(turnContext, HandoffReason.Risk, RiskLevels.Max(RiskLevel.High, profile.Risk.Level), categories, [DyingAnswerTerm], cancellationToken);
    }

    /// <summary>What counselors see among the matched terms of a queue item raised by a yes to the direct question.</summary>
    public const string DyingAnswerTerm = "「いま死にたい気持ち」に「ある」";

    private async Task<HandoffRequestResult?> RequestAsync(ITurnContext turnContext, HandoffReason reason, RiskLevel priority, IReadOnlyList<SupportCategory> categories, IReadOnlyList<string> terms, CancellationToken cancellationToken, string? preference = null)
    {
        if (handoff is null)
        {
            return null;
        }

        var request = new HandoffRequest(turnContext.Activity.GetConversationReference(), reason, priority, categories, terms, preference, ConsultationProfile.For(turnContext).English);
        return await handoff.RequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private Task SendAroundTheClockAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        var profile = ConsultationProfile.For(turnContext);
        var contacts = directory.AroundTheClockCrisisContacts(clock.GetUtcNow(), profile.PrefectureCode, profile.Age, profile.AgeBand).Take(3).ToList();
        return turnContext.SendActivityAsync(cards.Message(texts.Get(key, profile.English), contacts, profile.English), cancellationToken);
    }
}
