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
        CueBits = new UInt128[EntryCount];
        CueNegatable = new bool[EntryCount];
        EntrySituations = new ulong[EntryCount];
        var situationIds = new List<string> { SituationCues.ThirdPerson };
        ulong SituationBits(IEnumerable<string> ids)
        {
            ulong bits = 0;
            foreach (var id in ids)
            {
                var index = situationIds.IndexOf(id);
                if (index < 0)
                {
                    index = situationIds.Count;
                    situationIds.Add(id);
                }

                bits |= 1UL << index;
            }

            return bits;
        }

        UInt128 ClassBit(string name) => UInt128.One << lexicon.CueClasses.ToList().IndexOf(name);

        var patterns = new List<string>();
        var patternEntries = new List<int>();
        var patternIsWith = new List<bool>();
        var patternTerms = new List<string>();
        var patternAscii = new List<bool>();
        var patternBoundary = new List<WordBoundary>();
        var patternTsu = new List<ulong>();
        var patternGuards = new List<EndingGuard?>();
        NormalizedText? tsuBuffer = null;

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

            CueNegatable[e] = entry.Negatable;
            CueBits[e] = entry.Role switch
            {
                LexiconRole.Cue => ClassBit(entry.CueClass!),
                LexiconRole.Time => ClassBit(SituationCues.Time),
                LexiconRole.ThirdPerson => ClassBit(SituationCues.ThirdPerson),
                LexiconRole.Past => ClassBit(SituationCues.Past),
                LexiconRole.Negation => ClassBit(SituationCues.Negation),
                LexiconRole.Joke => ClassBit(SituationCues.Joke),
                _ => UInt128.Zero,
            };
            EntrySituations[e] = SituationBits(entry.Situations);

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
                    patternBoundary.Add(BoundaryOf(term, normalized));
                    patternGuards.Add(!isWith && entry.Guards.TryGetValue(term, out var guard) ? guard : null);
                    tsuBuffer ??= new NormalizedText();
                    JapaneseNormalizer.Normalize(term, tsuBuffer);
                    patternTsu.Add(tsuBuffer.TsuInside(0, tsuBuffer.Length));
                    MaxPatternLength = Math.Max(MaxPatternLength, normalized.Length);
                }
            }
        }

        Automaton = new AhoCorasickAutomaton(patterns);
        PatternEntries = [.. patternEntries];
        PatternIsWith = [.. patternIsWith];
        PatternTerms = [.. patternTerms];
        PatternAscii = [.. patternAscii];
        PatternBoundary = [.. patternBoundary];
        PatternTsu = [.. patternTsu];
        PatternGuards = [.. patternGuards];
        NormalizedPatterns = patterns;

        IdeationBit = ClassBit(SituationCues.Ideation);
        SelfHarmBit = ClassBit(SituationCues.SelfHarm);
        SignalHighBit = ClassBit(SituationCues.SignalHigh);
        DistressBit = ClassBit(SituationCues.Distress);
        ThirdPersonSituation = 1UL;

        var rules = lexicon.Rules;
        RuleCount = rules.Count;
        RuleAll = new UInt128[RuleCount];
        RuleAny = new UInt128[RuleCount];
        RuleNone = new UInt128[RuleCount];
        RuleEarlier = new UInt128[RuleCount];
        RuleScopes = new SituationScope[RuleCount];
        RuleLevels = new RiskLevel[RuleCount];
        RuleCaps = new RiskLevel[RuleCount];
        RuleIsDampener = new bool[RuleCount];
        RuleCategories = new uint[RuleCount];
        RuleSituations = new ulong[RuleCount];
        for (var r = 0; r < RuleCount; r++)
        {
            var rule = rules[r];
            RuleAll[r] = rule.All.Aggregate(UInt128.Zero, (m, c) => m | ClassBit(c));
            RuleAny[r] = rule.Any.Aggregate(UInt128.Zero, (m, c) => m | ClassBit(c));
            RuleNone[r] = rule.None.Aggregate(UInt128.Zero, (m, c) => m | ClassBit(c));
            RuleEarlier[r] = rule.Earlier.Aggregate(UInt128.Zero, (m, c) => m | ClassBit(c));
            RuleScopes[r] = rule.Scope;
            RuleLevels[r] = rule.Level ?? RiskLevel.None;
            RuleCaps[r] = rule.Cap ?? RiskLevel.Critical;
            RuleIsDampener[r] = rule.IsDampener;
            RuleCategories[r] = rule.Categories.Aggregate(0u, (m, c) => m | (1u << (int)c));
            RuleSituations[r] = SituationBits(rule.Situations);
        }

        if (situationIds.Count > 64)
        {
            throw new InvalidDataException($"The lexicon names {situationIds.Count} situation ids; at most 64 fit the scanner's masks.");
        }

        SituationIds = situationIds;
    }

    /// <summary>Which neighbours a short kana term needs to count as a word (see <see cref="RiskScanner"/>).</summary>
    private static WordBoundary BoundaryOf(string term, string normalized)
    {
        if (normalized.Length > ShortKanaLength || !normalized.All(c => c is >= '\u3041' and <= '\u3096'))
        {
            return WordBoundary.None;
        }

        return term.Any(c => c is >= '\u30A1' and <= '\u30FA' or >= '\uFF66' and <= '\uFF9D')
            ? WordBoundary.Katakana
            : WordBoundary.Hiragana;
    }

    /// <summary>Kana terms up to this many normalized characters match only where a word can begin and end.</summary>
    public const int ShortKanaLength = 3;

    public UInt128[] CueBits { get; }

    /// <summary>Per entry: a cue cancelled by a negation right after it (situations.yaml <c>negatable: true</c>).</summary>
    public bool[] CueNegatable { get; }

    public ulong[] EntrySituations { get; }

    public WordBoundary[] PatternBoundary { get; }

    /// <summary>What may follow a pattern made from a stem and a guarded ending set; null when anything may.</summary>
    public EndingGuard?[] PatternGuards { get; }

    public UInt128 IdeationBit { get; }

    public UInt128 SelfHarmBit { get; }

    public UInt128 SignalHighBit { get; }

    public UInt128 DistressBit { get; }

    /// <summary>The situation bit of third_person (always index 0).</summary>
    public ulong ThirdPersonSituation { get; }

    /// <summary>Situation ids by bit index.</summary>
    public IReadOnlyList<string> SituationIds { get; }

    public int RuleCount { get; }

    public UInt128[] RuleAll { get; }

    public UInt128[] RuleAny { get; }

    public UInt128[] RuleNone { get; }

    public UInt128[] RuleEarlier { get; }

    public SituationScope[] RuleScopes { get; }

    public RiskLevel[] RuleLevels { get; }

    public RiskLevel[] RuleCaps { get; }

    public bool[] RuleIsDampener { get; }

    public uint[] RuleCategories { get; }

    public ulong[] RuleSituations { get; }

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

    /// <summary>Per pattern: where the term itself had a small っ (bits as in <see cref="NormalizedText.TsuInside"/>).</summary>
    public ulong[] PatternTsu { get; }

    public IReadOnlyList<string> NormalizedPatterns { get; }

    public int MaxPatternLength { get; private set; }
}

/// <summary>Boundary check of a short kana term.</summary>
internal enum WordBoundary : byte
{
    None,

    /// <summary>Hiragana: the next character must not continue the word (あたしのうち is not しのう).</summary>
    Hiragana,

    /// <summary>Katakana: written in katakana, with no katakana right before or after (ライブ is not イブ).</summary>
    Katakana,
}
