namespace ChatSupport.Domain.Risk;

/// <summary>Where the cue classes of a <see cref="SituationRule"/> must occur together.</summary>
public enum SituationScope
{
    /// <summary>In one sentence (between 。！？ or line breaks).</summary>
    Sentence,

    /// <summary>Anywhere in the message.</summary>
    Message,

    /// <summary>The <c>all</c>/<c>any</c> classes in this message, the <c>earlier</c> classes in one of the recent
    /// messages of the conversation (<see cref="ConversationRisk.RecentMessages"/>).</summary>
    Conversation,
}

/// <summary>
/// A declarative situation rule or dampener from situations.yaml. A rule fires when every class of
/// <see cref="All"/> and at least one of <see cref="Any"/> (if given) occur within its scope and none of
/// <see cref="None"/> occurs in the message. A raising rule (<see cref="Level"/>) lifts the message to at
/// least that level; a dampener (<see cref="Cap"/>) lowers the message to at most that level.
/// </summary>
public sealed record SituationRule(
    string Id,
    SituationScope Scope,
    IReadOnlyList<string> All,
    IReadOnlyList<string> Any,
    IReadOnlyList<string> None,
    IReadOnlyList<string> Earlier,
    RiskLevel? Level,
    RiskLevel? Cap,
    IReadOnlyList<SupportCategory> Categories,
    IReadOnlyList<string> Situations,
    string Note)
{
    public bool IsDampener => Cap is not null;
}

/// <summary>A named group of cue classes (one kind of sign); a clause holds the group when it holds any member.</summary>
public sealed record CueGroup(string Id, IReadOnlyList<string> Any, string Note);

/// <summary>Cue classes the scanner derives itself (rules name them like the classes of situations.yaml).</summary>
public static class SituationCues
{
    /// <summary>A counted suicidal signal at high or above (死にたい, 消えたい, not negated, not past).</summary>
    public const string Ideation = "ideation";

    /// <summary>A counted self-harm signal at high or above.</summary>
    public const string SelfHarm = "self_harm_signal";

    /// <summary>Any counted signal at high or above.</summary>
    public const string SignalHigh = "signal_high";

    /// <summary>Any counted signal at medium or above (serious distress).</summary>
    public const string Distress = "distress";

    /// <summary>A time word of the lexicon (今, これから, 今夜).</summary>
    public const string Time = "time";

    /// <summary>The message is about another person (友達が, …って言ってる).</summary>
    public const string ThirdPerson = "third_person";

    /// <summary>A past marker (前に, 昔).</summary>
    public const string Past = "past";

    /// <summary>A negation after a signal.</summary>
    public const string Negation = "negation";

    /// <summary>A joke marker (ｗ, 笑).</summary>
    public const string Joke = "joke";

    /// <summary>The scanner's masks (<see cref="CueClassMask"/>) are 1024 bits wide (<see cref="CueClassMask.Capacity"/>), built-in classes included.</summary>
    public const int MaxClasses = CueClassMask.Capacity;

    public static IReadOnlyList<string> BuiltIn { get; } =
        [Ideation, SelfHarm, SignalHigh, Distress, Time, ThirdPerson, Past, Negation, Joke];
}
