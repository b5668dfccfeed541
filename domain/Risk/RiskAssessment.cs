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
    string LexiconVersion);

/// <summary>One signal found in a message.</summary>
/// <param name="Term">The lexicon term as written in the lexicon (the text itself is at Start/Length).</param>
/// <param name="Start">Start index (UTF-16) in the original message.</param>
/// <param name="Length">Length (UTF-16) in the original message; covers stretched and spaced-out spellings.</param>
/// <param name="Category">The entry's first category, if any.</param>
/// <param name="Level">Level of this match after context rules.</param>
/// <param name="EntryId">Id of the lexicon entry, for review.</param>
public sealed record RiskMatch(string Term, int Start, int Length, SupportCategory? Category, RiskLevel Level, string EntryId);
