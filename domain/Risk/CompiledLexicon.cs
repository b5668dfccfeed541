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
        CueBits = new CueClassMask[EntryCount];
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

        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lexicon.CueClasses.Count; i++)
        {
            classIndex[lexicon.CueClasses[i]] = i;
        }

        CueClassMask ClassBit(string name) => CueClassMask.Bit(classIndex[name]);

        var patterns = new List<string>();
        var patternEntries = new List<int>();
        var patternIsWith = new List<bool>();
        var patternTerms = new List<string>();
        var patternAscii = new List<bool>();
        var patternBoundary = new List<WordBoundary>();
        var patternTsu = new List<ulong>();
        var patternGuards = new List<EndingGuard?>();
        var patternStretchedTail = new List<bool>();
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
                _ => CueClassMask.Empty,
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
                    patternStretchedTail.Add(HasStretchedTail(term, tsuBuffer));
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
        PatternStretchedTail = [.. patternStretchedTail];
        NormalizedPatterns = patterns;

        IdeationBit = ClassBit(SituationCues.Ideation);
        SelfHarmBit = ClassBit(SituationCues.SelfHarm);
        SignalHighBit = ClassBit(SituationCues.SignalHigh);
        DistressBit = ClassBit(SituationCues.Distress);
        ThirdPersonSituation = 1UL;

        var rules = lexicon.Rules;
        RuleCount = rules.Count;
        RuleAll = new CueClassMask[RuleCount];
        RuleAny = new CueClassMask[RuleCount];
        RuleNone = new CueClassMask[RuleCount];
        RuleEarlier = new CueClassMask[RuleCount];
        RuleScopes = new SituationScope[RuleCount];
        RuleLevels = new RiskLevel[RuleCount];
        RuleCaps = new RiskLevel[RuleCount];
        RuleIsDampener = new bool[RuleCount];
        RuleCategories = new uint[RuleCount];
        RuleSituations = new ulong[RuleCount];
        RuleWordCount = (RuleCount + 63) >> 6;
        RulesByTrigger = new ulong[CueClassMask.Capacity * RuleWordCount];
        RulesWithoutTrigger = new ulong[RuleWordCount];
        RaisingRules = new ulong[RuleWordCount];
        DampenerRules = new ulong[RuleWordCount];
        for (var r = 0; r < RuleCount; r++)
        {
            var rule = rules[r];
            // One class every message that fires the rule must hold: the latest-defined class of `all` (built-in classes
            // such as ideation come first and are common), under which the rule is filed in RulesByTrigger.
            var trigger = rule.All.Count == 0 ? -1 : rule.All.Max(c => classIndex[c]);
            var ruleBit = 1UL << (r & 63);
            if (trigger < 0)
            {
                RulesWithoutTrigger[r >> 6] |= ruleBit;
            }
            else
            {
                RulesByTrigger[(trigger * RuleWordCount) + (r >> 6)] |= ruleBit;
            }

            if (rule.IsDampener)
            {
                DampenerRules[r >> 6] |= ruleBit;
            }
            else if (rule.Scope != SituationScope.Conversation)
            {
                RaisingRules[r >> 6] |= ruleBit;
            }

            RuleAll[r] = rule.All.Aggregate(CueClassMask.Empty, (m, c) => m | ClassBit(c));
            RuleAny[r] = rule.Any.Aggregate(CueClassMask.Empty, (m, c) => m | ClassBit(c));
            RuleNone[r] = rule.None.Aggregate(CueClassMask.Empty, (m, c) => m | ClassBit(c));
            RuleEarlier[r] = rule.Earlier.Aggregate(CueClassMask.Empty, (m, c) => m | ClassBit(c));
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
        GroupBits = [.. lexicon.Groups.Select(g => ClassBit(g.Id))];
        GroupMembers = [.. lexicon.Groups.Select(g => g.Any.Aggregate(CueClassMask.Empty, (m, c) => m | ClassBit(c)))];
    }

    /// <summary>Each group's own class bit (<see cref="RiskLexicon.Groups"/>, in order).</summary>
    public CueClassMask[] GroupBits { get; }

    /// <summary>Each group's member classes; a clause holding any of them holds the group.</summary>
    public CueClassMask[] GroupMembers { get; }

    /// <summary>
    /// Whether the term ends in a full-size vowel kana that the normalizer reads as a stretch of the kana before it
    /// (行きたくねえ, 死ねばいい, あるけえ): normalized, such a term ends one kana early (…ね, …い, …け) and would be found
    /// wherever the shorter word is (あるけど, ねむい). The scanner then needs the text's last kana stretched too.
    /// </summary>
    private static bool HasStretchedTail(string term, NormalizedText normalized)
    {
        if (normalized.Length == 0)
        {
            return false;
        }

        var last = normalized.Length - 1;
        for (var i = normalized.Starts[last] + 1; i < normalized.Ends[last] && i < term.Length; i++)
        {
            if (term[i] is >= 'あ' and <= 'ん' or >= 'ア' and <= 'ン'
                && "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ".IndexOf(term[i], StringComparison.Ordinal) < 0)
            {
                return true;
            }
        }

        return false;
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

    public CueClassMask[] CueBits { get; }

    /// <summary>Per entry: a cue cancelled by a negation right after it (situations.yaml <c>negatable: true</c>).</summary>
    public bool[] CueNegatable { get; }

    public ulong[] EntrySituations { get; }

    public WordBoundary[] PatternBoundary { get; }

    /// <summary>What may follow a pattern made from a stem and a guarded ending set; null when anything may.</summary>
    public EndingGuard?[] PatternGuards { get; }

    public CueClassMask IdeationBit { get; }

    public CueClassMask SelfHarmBit { get; }

    public CueClassMask SignalHighBit { get; }

    public CueClassMask DistressBit { get; }

    /// <summary>The situation bit of third_person (always index 0).</summary>
    public ulong ThirdPersonSituation { get; }

    /// <summary>Situation ids by bit index.</summary>
    public IReadOnlyList<string> SituationIds { get; }

    public int RuleCount { get; }

    /// <summary>How many 64-bit words a set of rules (bit r for rule r) takes.</summary>
    public int RuleWordCount { get; }

    /// <summary>
    /// The rules by trigger class: row c (<see cref="RuleWordCount"/> words from c × RuleWordCount) is the set of rules
    /// whose trigger is class c, one class every message that fires the rule must hold. A message holds a few of the
    /// hundreds of classes, so the scanner ORs the rows of its classes and checks only those rules, instead of
    /// pre-checking every rule.
    /// </summary>
    public ulong[] RulesByTrigger { get; }

    /// <summary>The rules with no trigger (no <c>all</c> classes): candidates for every message.</summary>
    public ulong[] RulesWithoutTrigger { get; }

    /// <summary>The rules the scanner applies first: situation rules that raise, of message or sentence scope.</summary>
    public ulong[] RaisingRules { get; }

    /// <summary>The dampeners (any scope), which the scanner applies after the raising rules.</summary>
    public ulong[] DampenerRules { get; }

    public CueClassMask[] RuleAll { get; }

    public CueClassMask[] RuleAny { get; }

    public CueClassMask[] RuleNone { get; }

    public CueClassMask[] RuleEarlier { get; }

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

    /// <summary>Per pattern: the term's last kana was written stretched (ねえ, いい), so a match needs a stretched last kana.</summary>
    public bool[] PatternStretchedTail { get; }

    public IReadOnlyList<string> NormalizedPatterns { get; }

    public int MaxPatternLength { get; private set; }
}

/// <summary>Boundary check of a short kana term.</summary>
internal enum WordBoundary : byte
{
    None,

    /// <summary>Hiragana: the next character must not continue the word (あたしのうち is not しのう).</summary>
    Hiragana,

    /// <summary>
    /// Katakana: written in katakana, with no katakana right before or after (ライブ is not イブ); a term that ends in
    /// hiragana (ママへ) needs its katakana as a whole word and then hiragana in the text.
    /// </summary>
    Katakana,
}
