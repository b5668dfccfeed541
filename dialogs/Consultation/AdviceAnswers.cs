using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// Answers a "should I …?" question (病院行ったほうがいい？, 先生に言ったほうがいい？, ブロックしたらまずい？, 110ってメールでもできる？)
/// by what the conversation is about: the understanding pass reads which kind of question it is
/// (<see cref="MessageUnderstanding.Advice"/>), and the most serious situation told so far chooses the reviewed
/// answer (<c>advice.&lt;kind&gt;.&lt;situation&gt;</c>, else <c>advice.&lt;kind&gt;</c>). A bare acknowledgement of
/// a question read as not listening (p20, round 15). Never a decision for the person, never a method, always the one
/// next step or the number that fits.
/// </summary>
public sealed class AdviceAnswers(BotTexts texts)
{
    /// <summary>The answer to the message's question, or null when it asks none (or none this catalogue answers).</summary>
    public string? For(MessageUnderstanding understanding, ConsultationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        ArgumentNullException.ThrowIfNull(profile);
        if (understanding.Advice is null)
        {
            return null;
        }

        // Two questions in one message (病院行ったほうがいい？ 110にメール送れる？) get both answers, in the order asked.
        var kinds = understanding.Cues.Where(c => c.Kind == CueKind.Advice).Select(c => c.Label).Distinct(StringComparer.Ordinal).Take(MaxAnswers);
        var answers = kinds.Select(kind => One(kind, understanding, profile)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return answers.Count == 0 ? null : string.Join("\n", answers);
    }

    /// <summary>The most answers one message gets (more would be a wall of text; the person can ask again).</summary>
    private const int MaxAnswers = 2;

    private string? One(string kind, MessageUnderstanding understanding, ConsultationProfile profile)
    {
        // What this message tells first, then what the conversation was about (a crisis told earlier included).
        var told = Acknowledgements.Told([.. understanding.Categories, .. profile.Topics, .. profile.Risk.Categories], profile);
        foreach (var category in told)
        {
            if (Situation(kind, category, profile) is { } situation && texts.Has($"advice.{situation}"))
            {
                return texts.Get($"advice.{situation}", profile.English);
            }
        }

        return texts.Has($"advice.{kind}") ? texts.Get($"advice.{kind}", profile.English) : null;
    }

    /// <summary>
    /// Which answer fits a question of <paramref name="kind"/> in a conversation about <paramref name="category"/>
    /// (<c>kind.situation</c>, or another kind's answer where the words ask that: 「行かないほうがいい？」 about school is
    /// whether to rest), or null for none.
    /// </summary>
    private static string? Situation(string kind, SupportCategory category, ConsultationProfile profile) => (kind, category) switch
    {
        (AdviceKinds.Hospital, SupportCategory.SexualViolence) => "hospital.sexual_violence",
        (AdviceKinds.Hospital, SupportCategory.SelfHarm or SupportCategory.Suicidal) => "hospital.self_harm",
        (AdviceKinds.Hospital, SupportCategory.Abuse or SupportCategory.Dv) => "hospital.violence",
        (AdviceKinds.Hospital, SupportCategory.Health) => "hospital.health",

        // A teacher and 189 are for children: an adult's family violence or workplace bullying gets the general answer.
        (AdviceKinds.Tell, SupportCategory.Abuse or SupportCategory.Bullying) when Acknowledgements.IsKnownAdult(profile) => null,
        (AdviceKinds.Tell, SupportCategory.Abuse) => "tell.abuse",
        (AdviceKinds.Tell, SupportCategory.Bullying) => "tell.bullying",
        (AdviceKinds.Tell, SupportCategory.SexualViolence) => "tell.sexual_violence",
        (AdviceKinds.Tell, SupportCategory.OnlineHarm) => "tell.online_harm",
        (AdviceKinds.Tell, SupportCategory.OtherPerson) => "tell.other_person",

        (AdviceKinds.Police, SupportCategory.SexualViolence) => "police.sexual_violence",
        (AdviceKinds.Police, SupportCategory.OnlineHarm) => "police.online_harm",
        (AdviceKinds.Police, SupportCategory.Abuse or SupportCategory.Dv) => "police.violence",

        (AdviceKinds.Block, SupportCategory.OnlineHarm) => "block.online_harm",
        (AdviceKinds.Rest or AdviceKinds.Quit, SupportCategory.Work) => $"{kind}.work",
        (AdviceKinds.Meet, SupportCategory.OnlineHarm or SupportCategory.SexualViolence) => "meet.online_harm",
        (AdviceKinds.Meet, SupportCategory.OtherPerson) => "meet.other_person",
        (AdviceKinds.Meet, SupportCategory.Bullying or SupportCategory.School) => "rest",
        (AdviceKinds.Meet, SupportCategory.Work) => "rest.work",
        (AdviceKinds.Again, SupportCategory.Abuse) when !Acknowledgements.IsKnownAdult(profile) => "again.child",
        (AdviceKinds.Again, SupportCategory.Abuse or SupportCategory.Dv) => "again.violence",
        (AdviceKinds.Call or AdviceKinds.CallPolice, SupportCategory.Abuse or SupportCategory.Dv) => "call.violence",
        (AdviceKinds.CallPolice, SupportCategory.OtherPerson) => "call_police.other_person",
        (AdviceKinds.WhatToSay, SupportCategory.OtherPerson) => "what_to_say.other_person",
        (AdviceKinds.Call, SupportCategory.OtherPerson or SupportCategory.Suicidal or SupportCategory.SelfHarm) => "call.life",
        (AdviceKinds.StayAway, SupportCategory.Abuse or SupportCategory.Family) when !Acknowledgements.IsKnownAdult(profile) => "stay_away.child",
        (AdviceKinds.StayAway, SupportCategory.Dv) => "stay_away.dv",
        _ => null,
    };
}
