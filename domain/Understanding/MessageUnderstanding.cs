using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Understanding;

/// <summary>What one message says besides its risk: intents, topics, facts and preferences, and why.</summary>
/// <param name="Intents">What the person wants (in <see cref="Intent"/> order); never empty (<see cref="Intent.Other"/> when nothing else).</param>
/// <param name="Categories">What it is about (rubric order plus online_harm): the risk engine's categories and the topic patterns'.</param>
/// <param name="AgeBand">The writer's age band when the message says it (中2, 17歳, 大学生 …); null otherwise.</param>
/// <param name="PrefectureCode">JIS two-digit code of a prefecture or well-known city the message names; null when not said or not certain.</param>
/// <param name="Preferences">How the person can or wants to be helped (text only, a woman counselor …).</param>
/// <param name="Cues">What produced each label, with spans in the original text.</param>
public sealed record MessageUnderstanding(
    IReadOnlyList<Intent> Intents,
    IReadOnlyList<SupportCategory> Categories,
    AgeBand? AgeBand,
    string? PrefectureCode,
    ContactPreferences Preferences,
    IReadOnlyList<UnderstandingCue> Cues)
{
    /// <summary>Nothing understood: intent other, no facts.</summary>
    public static MessageUnderstanding Empty { get; } = new([Intent.Other], [], null, null, ContactPreferences.None, []);

    public bool Has(Intent intent) => Intents.Contains(intent);

    public bool Has(SupportCategory category) => Categories.Contains(category);

    /// <summary>What the person asks whether to do (<see cref="AdviceKinds"/>), the first the message asks; null when none.</summary>
    public string? Advice => Cues.FirstOrDefault(c => c.Kind == CueKind.Advice)?.Label;
}

/// <summary>
/// The kinds of "should I …?" a person asks (病院行ったほうがいい？, 先生に言ったほうがいい？, ブロックしたほうがいい？): the
/// closed set of the patterns' <c>advice</c> field. The bot answers each by what the conversation is about.
/// </summary>
public static class AdviceKinds
{
    public const string Hospital = "hospital";
    public const string Tell = "tell";
    public const string Police = "police";
    public const string PoliceText = "police_text";
    public const string Block = "block";
    public const string Rest = "rest";
    public const string Quit = "quit";
    public const string Meet = "meet";

    /// <summary>What to do if it happens again (また同じやったらどうすればよか).</summary>
    public const string Again = "again";

    /// <summary>Whether one may call 110 or 119 (119って呼んでいいんですか, 今から110していいと？).</summary>
    public const string Call = "call";

    /// <summary>Whether one may call the police (110していいの？, 110したら父が捕まる？).</summary>
    public const string CallPolice = "call_police";

    /// <summary>What to say when calling or telling someone (何て言えばいい？).</summary>
    public const string WhatToSay = "what_to_say";

    /// <summary>Whether one may go into a convenience store or a police box (コンビニ行ってもよか？).</summary>
    public const string GoSafePlace = "go_safe_place";

    /// <summary>Whether a police box is safe to go to (交番ってこわくない？).</summary>
    public const string Koban = "koban";

    /// <summary>How not to go home tonight (今日帰らなくていい方法ってある？).</summary>
    public const string StayAway = "stay_away";

    /// <summary>Whether a minor can get into a net café or karaoke for the night (ネカフェって中学生でも入れる？).</summary>
    public const string NetCafe = "netcafe";

    /// <summary>What happens if a child calls 189: will the parents know, will they come to the house.</summary>
    public const string Privacy189 = "privacy_189";

    /// <summary>Whether a clinic needs the parents' insurance card or tells them (病院って親の保険証いる？).</summary>
    public const string Insurance = "insurance";

    /// <summary>Whether a young person can get public assistance (生活保護って18でも受けれる？).</summary>
    public const string Welfare = "welfare";

    /// <summary>Whether a teacher tells the parents (先生に言ったら親にも連絡いく？).</summary>
    public const string ToldParents = "told_parents";

    public static IReadOnlyList<string> All { get; } = [Hospital, Tell, Police, PoliceText, Block, Rest, Quit, Meet, Again, Call, CallPolice, WhatToSay, GoSafePlace, Koban, StayAway, NetCafe, Privacy189, Insurance, Welfare, ToldParents];
}

/// <summary>How a person can be reached or wants to be helped.</summary>
/// <param name="CannotCall">The person cannot or will not phone or speak aloud.</param>
/// <param name="PrefersText">Text ways (chat, SNS, mail) fit better than phone.</param>
/// <param name="CounselorPreference">"female", "male" or "young" when asked for (see <see cref="CounselorPreferences"/>); null otherwise.</param>
public sealed record ContactPreferences(bool CannotCall, bool PrefersText, string? CounselorPreference)
{
    public static ContactPreferences None { get; } = new(false, false, null);
}

public static class CounselorPreferences
{
    public const string Female = "female";
    public const string Male = "male";
    public const string Young = "young";
}

/// <summary>What kind of label a cue produced.</summary>
public enum CueKind
{
    Intent,
    Category,
    AgeBand,
    Prefecture,
    Preference,

    /// <summary>A risk lexicon signal (its categories count as the message's categories).</summary>
    Risk,

    /// <summary>A "should I …?" question (<see cref="AdviceKinds"/>); no label of the evaluation sets.</summary>
    Advice,
}

/// <summary>One piece of evidence for a label.</summary>
/// <param name="Id">Pattern entry id (or risk lexicon entry id for <see cref="CueKind.Risk"/>), for review.</param>
/// <param name="Kind">What it produced.</param>
/// <param name="Label">The wire label it produced (ask_privacy, family, junior_high, "13", female, …).</param>
/// <param name="Start">Start index (UTF-16) in the original message.</param>
/// <param name="Length">Length (UTF-16) in the original message.</param>
public sealed record UnderstandingCue(string Id, CueKind Kind, string Label, int Start, int Length);

/// <summary>Risk and understanding of one message, read in one pass.</summary>
public sealed record MessageReading(RiskAssessment Risk, MessageUnderstanding Understanding);
