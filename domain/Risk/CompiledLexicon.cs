namespace ChatSupport.Domain.Risk;

/// <summary>
/// The lexicon turned into flat arrays and one automaton over the normalized terms. Immutable and
/// shared by every scanner of an engine.
/// </summary>
internal sealed class CompiledLexicon
{
    public CompiledLexicon(RiskLexicon lexicon)
    {
        Lexicon = lexicon;
        var entries = lexicon.Entries;
        EntryCount = entries.Count;
        Levels = new RiskLevel[EntryCount];
        Roles = new LexiconRole[EntryCount];
        CategoryMasks = new uint[EntryCount];
        Ambiguous = new bool[EntryCount];
        NeedsWith = new bool[EntryCount];
        Overrides = new bool[EntryCount];
        IfPast = new RiskLevel[EntryCount];
        IfNegated = new RiskLevel[EntryCount];

        var patterns = new List<string>();
        var patternEntries = new List<int>();
        var patternIsWith = new List<bool>();
        var patternTerms = new List<string>();
        var patternAscii = new List<bool>();

        for (var e = 0; e < EntryCount; e++)
        {
            var entry = entries[e];
            Levels[e] = entry.Level;
            Roles[e] = entry.Role;
            Ambiguous[e] = entry.Ambiguous;
            NeedsWith[e] = entry.With.Count > 0;
            Overrides[e] = entry.Overrides || entry.Role is LexiconRole.Mask or LexiconRole.Hyperbole;
            IfPast[e] = entry.IfPast;
            IfNegated[e] = entry.IfNegated;
            foreach (var c in entry.Categories)
            {
                CategoryMasks[e] |= 1u << (int)c;
            }

            Add(entry.Terms, isWith: false);
            Add(entry.With, isWith: true);

            void Add(IReadOnlyList<string> terms, bool isWith)
            {
                foreach (var term in terms)
                {
                    var normalized = JapaneseNormalizer.NormalizeToString(term);
                    if (normalized.Length == 0 || normalized.Contains(JapaneseNormalizer.ClauseBreak))
                    {
                        throw new InvalidDataException(
                            $"Lexicon entry '{entry.Id}': term '{term}' is empty or spans a sentence end after normalization; write it without 。！？ or line breaks.");
                    }

                    patterns.Add(normalized);
                    patternEntries.Add(e);
                    patternIsWith.Add(isWith);
                    patternTerms.Add(term);
                    patternAscii.Add(normalized.All(char.IsAsciiLetterOrDigit));
                    MaxPatternLength = Math.Max(MaxPatternLength, normalized.Length);
                }
            }
        }

        Automaton = new AhoCorasickAutomaton(patterns);
        PatternEntries = [.. patternEntries];
        PatternIsWith = [.. patternIsWith];
        PatternTerms = [.. patternTerms];
        PatternAscii = [.. patternAscii];
        NormalizedPatterns = patterns;
    }

    public RiskLexicon Lexicon { get; }

    public int EntryCount { get; }

    public RiskLevel[] Levels { get; }

    public LexiconRole[] Roles { get; }

    public uint[] CategoryMasks { get; }

    public bool[] Ambiguous { get; }

    public bool[] NeedsWith { get; }

    /// <summary>Whether the entry's terms cancel shorter terms inside them (masks, hyperbole, overriding signals).</summary>
    public bool[] Overrides { get; }

    public RiskLevel[] IfPast { get; }

    public RiskLevel[] IfNegated { get; }

    public AhoCorasickAutomaton Automaton { get; }

    public int[] PatternEntries { get; }

    public bool[] PatternIsWith { get; }

    /// <summary>The term as written in the lexicon (after group expansion), for results.</summary>
    public string[] PatternTerms { get; }

    /// <summary>Romaji and other ASCII terms only match as whole words.</summary>
    public bool[] PatternAscii { get; }

    public IReadOnlyList<string> NormalizedPatterns { get; }

    public int MaxPatternLength { get; private set; }
}
