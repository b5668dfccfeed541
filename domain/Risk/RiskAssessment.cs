namespace ChatSupport.Domain.Risk;

/// <summary>The risk of one message, and why.</summary>
/// <param name="Level">The highest level its matches and context support.</param>
/// <param name="Categories">Union of the categories of the counted matches (rubric order).</param>
/// <param name="Matches">The signals that produced the result, with spans in the original text.</param>
/// <param name="Rules">Ids of the context rules that changed the result (<see cref="RiskRuleIds"/>).</param>
/// <param name="LexiconVersion">Version of the lexicon that produced it.</param>
public sealed record RiskAssessment(
    RiskLevel Level,
    IReadOnlyList<SupportCategory> Categories,
    IReadOnlyList<RiskMatch> Matches,
    IReadOnlyList<string> Rules,
    string LexiconVersion)
{
    /// <summary>
    /// The situation cue classes and situation rules that fired, as stable snake_case ids
    /// (overdose, means, place_of_danger, method_under_way, violence_now, violence_act, sexual_assault,
    /// sextortion, grooming, third_person, finality, …). Crisis replies choose the harm from the categories
    /// and these ids. Empty when no situation was read.
    /// </summary>
    public IReadOnlyList<string> Situations { get; init; } = [];
}

/// <summary>One signal found in a message.</summary>
/// <param name="Term">The lexicon term as written in the lexicon (the text itself is at Start/Length).</param>
/// <param name="Start">Start index (UTF-16) in the original message.</param>
/// <param name="Length">Length (UTF-16) in the original message; covers stretched and spaced-out spellings.</param>
/// <param name="Category">The entry's first category, if any.</param>
/// <param name="Level">Level of this match after context rules.</param>
/// <param name="EntryId">Id of the lexicon entry, for review.</param>
public sealed record RiskMatch(string Term, int Start, int Length, SupportCategory? Category, RiskLevel Level, string EntryId);
