using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// The listening piece: a reviewed line that shows a message was read, chosen by what it is about
/// (its most serious topic) and how heavy it is (medium or not), and varied so that a person who
/// writes several messages does not read the same line again and again. Reused while a person waits
/// for a counselor (no menu, no question then). Lines come from the text catalogue, never generated.
/// </summary>
public sealed class Acknowledgements(BotTexts texts)
{
    /// <summary>Topics from the most to the least serious; the first one a message has is the one acknowledged.</summary>
    public static IReadOnlyList<SupportCategory> Priority { get; } =
    [
        SupportCategory.Suicidal, SupportCategory.SelfHarm, SupportCategory.SexualViolence, SupportCategory.Abuse,
        SupportCategory.Dv, SupportCategory.OnlineHarm, SupportCategory.Bullying, SupportCategory.Housing,
        SupportCategory.Poverty, SupportCategory.Work, SupportCategory.Family, SupportCategory.School,
        SupportCategory.Health, SupportCategory.Loneliness, SupportCategory.OtherPerson,
    ];

    /// <summary>The topics of <paramref name="categories"/>, the most serious first.</summary>
    /// <remarks>
    /// Harm online told beside bullying (LINEグループ外されて、別のグループで悪口) is bullying first: the online-harm lines and
    /// services speak of strangers met online and of pictures, which classmates leaving someone out of a group are not.
    /// </remarks>
    public static List<SupportCategory> BySeriousness(IReadOnlyCollection<SupportCategory> categories)
    {
        var ordered = Priority.Where(categories.Contains).ToList();
        var online = ordered.IndexOf(SupportCategory.OnlineHarm);
        var bullying = ordered.IndexOf(SupportCategory.Bullying);
        if (online >= 0 && bullying > online)
        {
            ordered.RemoveAt(bullying);
            ordered.Insert(online, SupportCategory.Bullying);
        }

        return ordered;
    }

    /// <summary>
    /// What a message tells, as topics to remember: violence from a partner is read as both dv and abuse (彼氏が物を投げて
    /// くる); for someone not known to be a child it is partner violence, so abuse is left out (the child-abuse line is for children).
    /// </summary>
    public static List<SupportCategory> Told(IReadOnlyCollection<SupportCategory> categories, ConsultationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var told = BySeriousness(categories);
        LeaveOutChildAbuseForPartnerViolence(told, profile);
        return told;
    }

    /// <summary>
    /// Removes abuse from <paramref name="categories"/> when dv is there too and the person is not known to be a child; and
    /// reads abuse as dv when the conversation is about a partner (彼氏のことで…, then 物にあたる、叩かれたことはないけど怖い)
    /// and names no family member: violence by a partner is not the child-abuse line's.
    /// </summary>
    public static void LeaveOutChildAbuseForPartnerViolence(List<SupportCategory> categories, ConsultationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (IsKnownChild(profile))
        {
            return;
        }

        if (categories.Contains(SupportCategory.Dv))
        {
            categories.Remove(SupportCategory.Abuse);
        }
        else if (categories.IndexOf(SupportCategory.Abuse) is var at and >= 0 && AboutAPartner(profile))
        {
            categories[at] = SupportCategory.Dv;
        }
    }

    /// <summary>The most serious topic of a message, read as <see cref="LeaveOutChildAbuseForPartnerViolence"/> does.</summary>
    public static SupportCategory? MainTopic(IReadOnlyCollection<SupportCategory> categories, ConsultationProfile profile)
    {
        var told = BySeriousness(categories);
        LeaveOutChildAbuseForPartnerViolence(told, profile);
        return told is [var first, ..] ? first : null;
    }

    /// <summary>Whether the recent messages named a partner (彼氏, 旦那) and no parent or family member.</summary>
    private static bool AboutAPartner(ConsultationProfile profile)
    {
        var recent = profile.Risk.RecentMessages ?? [];
        return recent.Any(m => m.CueClasses.Contains(RiskCueClasses.ActorPartner))
            && !recent.Any(m => m.CueClasses.Contains(RiskCueClasses.ActorFamily));
    }

    /// <summary>Whether the person is known to be under 18 (an age, or a school band below university).</summary>
    public static bool IsKnownChild(ConsultationProfile profile) =>
        profile is not null && (profile.Age is < 18 || (profile.AgeBand is { } band && band.IsChild()));

    /// <summary>Whether the person is known to be 18 or over (an age, or the band of 18–29 or 30 and over).</summary>
    public static bool IsKnownAdult(ConsultationProfile profile) =>
        profile is not null && (profile.Age is >= 18 || (profile.Age is null && profile.AgeBand is AgeBand.YoungAdult or AgeBand.Adult));

    /// <summary>The most serious of <paramref name="categories"/>, or null when there is none.</summary>
    public static SupportCategory? MainTopic(IEnumerable<SupportCategory> categories)
    {
        var set = categories as IReadOnlyCollection<SupportCategory> ?? categories.ToList();
        return BySeriousness(set) is [var first, ..] ? first : null;
    }

    /// <summary>
    /// The line for a message about <paramref name="topic"/> (null: no topic) at <paramref name="level"/>; remembered in the profile.
    /// A situation the catalogue has its own line for (<c>ack.situation.&lt;cue id&gt;</c>: a possible pregnancy, a criminal job
    /// offer, asking the bot to be a companion) is answered with that line first, once in a while, then by topic.
    /// </summary>
    public string For(SupportCategory? topic, RiskLevel level, ConsultationProfile profile, MessageUnderstanding? understanding = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var medium = level >= RiskLevel.Medium;
        var general = medium ? "ack.general.medium" : "ack.general";
        foreach (var cue in understanding?.Cues ?? [])
        {
            var situation = "ack.situation." + cue.Id.Replace('-', '_');
            if (texts.Has(situation))
            {
                // Its own lines while they are fresh; then a plain acknowledgement, never the topic's lines that misread it.
                var fresh = Enumerable.Range(0, texts.List(situation, profile.English).Count)
                    .Any(i => !profile.RecentLines.Contains(situation + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return Pick([fresh ? situation : general], profile);
            }
        }

        if (topic is not { } category)
        {
            return Pick([general], profile);
        }

        var key = "ack." + SupportCategories.ToWire(category);
        if (medium && texts.Has(key + ".medium"))
        {
            key += ".medium";
        }

        return texts.Has(key) ? Pick([key, general], profile) : Pick([general], profile);
    }

    /// <summary>
    /// One open question after an acknowledgement: the situation's own question when the catalogue has one
    /// (<c>ask.situation.&lt;cue id&gt;</c>: after leaving home, where to be tonight, not whether home feels safe), else by
    /// topic when the catalogue has one.
    /// </summary>
    public string Question(SupportCategory? topic, ConsultationProfile profile, MessageUnderstanding? understanding = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var cue in understanding?.Cues ?? [])
        {
            var situation = "ask.situation." + cue.Id.Replace('-', '_');
            if (texts.Has(situation))
            {
                return Pick([situation], profile);
            }
        }

        if (topic == SupportCategory.Family && profile.AwayFromHome)
        {
            // Away from home, the family question (is there a safe place at home?) misreads where they are.
            return Pick(["ask.situation.ran_away", "ask.general"], profile);
        }

        var key = topic is { } category ? "ask." + SupportCategories.ToWire(category) : null;
        return key is not null && texts.Has(key) ? Pick([key, "ask.general"], profile) : Pick(["ask.general"], profile);
    }

    /// <summary>
    /// The first variant of the first list that was not among the last lines used; when every variant
    /// of every list was used lately, the one used longest ago.
    /// </summary>
    public string Pick(IReadOnlyList<string> keys, ConsultationProfile profile)
    {
        var english = profile.English;
        string? oldestId = null;
        string? oldestText = null;
        var oldestAge = int.MaxValue;
        foreach (var key in keys)
        {
            var variants = texts.List(key, english);
            for (var i = 0; i < variants.Count; i++)
            {
                var id = key + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var used = profile.RecentLines.IndexOf(id);
                if (used < 0)
                {
                    profile.RememberLine(id);
                    return variants[i];
                }

                if (used < oldestAge)
                {
                    (oldestAge, oldestId, oldestText) = (used, id, variants[i]);
                }
            }
        }

        profile.RememberLine(oldestId!);
        return oldestText!;
    }
}
