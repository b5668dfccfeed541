namespace ChatSupport.Domain.Risk;

/// <summary>
/// The rule-based risk engine: Japanese normalization, the reviewed lexicon, an Aho-Corasick matcher
/// and the context rules. Create it once (loading and compiling the lexicon takes a moment) and share
/// it: it is immutable and thread-safe.
/// </summary>
public sealed class RiskEngine
{
    private static readonly Lazy<RiskEngine> Default = new(() => new RiskEngine(RiskLexicon.LoadEmbedded(), RiskModel.LoadEmbedded()));

    private readonly CompiledLexicon _compiled;
    private readonly ThreadLocal<RiskScanner> _scanners;

    /// <param name="lexicon">The reviewed lexicon.</param>
    /// <param name="model">The learned backstop, or null for the lexicon alone (lexicon tests, <c>risk eval --lexicon-only</c>).</param>
    public RiskEngine(RiskLexicon lexicon, RiskModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _compiled = new CompiledLexicon(lexicon);
        Model = model;
        _scanners = new ThreadLocal<RiskScanner>(CreateScanner);
    }

    public RiskLexicon Lexicon => _compiled.Lexicon;

    /// <summary>The learned backstop, when this engine has one.</summary>
    public RiskModel? Model { get; }

    public string LexiconVersion => _compiled.Lexicon.Version;

    /// <summary>The engine over the lexicon and the learned backstop embedded in the domain library (built once per process).</summary>
    public static RiskEngine CreateDefault() => Default.Value;

    /// <summary>A scanner with its own buffers, for callers that manage threads themselves.</summary>
    public RiskScanner CreateScanner() => new(_compiled, Model);

    /// <summary>
    /// The allocation-free path: scans <paramref name="text"/> with this thread's scanner and returns
    /// the summary. Matches of the call are in <see cref="RiskScanner.Matches"/> of <see cref="CurrentScanner"/>.
    /// </summary>
    public RiskScanResult Scan(ReadOnlySpan<char> text) => _scanners.Value!.Scan(text);

    /// <summary>This thread's scanner (the one <see cref="Scan"/> uses).</summary>
    public RiskScanner CurrentScanner => _scanners.Value!;

    /// <summary>Assesses one message: level, categories, matches in the original text, rules and lexicon version.</summary>
    public RiskAssessment Assess(string text) => Assess(text, null, default);

    /// <summary>
    /// Assesses one message in its conversation: the conversation rules of situations.yaml may raise it
    /// when an earlier message within <see cref="ConversationRisk.RecentWindow"/> (and among the last
    /// <see cref="ConversationRisk.MaxRecentMessages"/>) carried their <c>earlier</c> classes
    /// (「消えたい」 earlier, then 「いま橋の上」 → critical).
    /// </summary>
    public RiskAssessment Assess(string text, ConversationRisk? conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = _scanners.Value!;
        var result = scanner.Scan(text);
        var lexicon = _compiled.Lexicon;
        var level = result.Level;
        var categoryMask = result.CategoryMask;
        var situationMask = result.SituationMask;
        var ruleIds = new List<string>(RiskRuleIds.ToIds(result.Rules));
        foreach (var r in scanner.FiredRules)
        {
            ruleIds.Add(lexicon.Rules[r].Id);
        }

        if (conversation is not null)
        {
            var earlier = conversation.RecentCueMask(now, lexicon.CueClasses);
            for (var r = 0; r < _compiled.RuleCount; r++)
            {
                if (_compiled.RuleScopes[r] != SituationScope.Conversation || !earlier.Intersects(_compiled.RuleEarlier[r]))
                {
                    continue;
                }

                var all = _compiled.RuleAll[r];
                var any = _compiled.RuleAny[r];
                var mask = result.CueMask;
                if (mask.Intersects(_compiled.RuleNone[r]) || !mask.ContainsAll(all) || (!any.IsEmpty && !mask.Intersects(any)))
                {
                    continue;
                }

                if (_compiled.RuleLevels[r] > level)
                {
                    level = _compiled.RuleLevels[r];
                }

                categoryMask |= _compiled.RuleCategories[r];
                situationMask |= _compiled.RuleSituations[r];
                ruleIds.Add(lexicon.Rules[r].Id);
            }
        }

        var categories = new List<SupportCategory>();
        foreach (var category in SupportCategories.All)
        {
            if ((categoryMask & (1u << (int)category)) != 0)
            {
                categories.Add(category);
            }
        }

        var matches = new List<RiskMatch>(result.MatchCount);
        foreach (var m in scanner.Matches)
        {
            var entry = _compiled.Lexicon.Entries[m.Entry];
            matches.Add(new RiskMatch(
                scanner.TermOf(m.Pattern),
                m.Start,
                m.Length,
                entry.Categories.Count > 0 ? entry.Categories[0] : null,
                m.Level,
                entry.Id));
        }

        var situations = new List<string>();
        for (var bit = 0; bit < 64; bit++)
        {
            if ((situationMask & (1UL << bit)) != 0)
            {
                situations.Add(_compiled.SituationIds[bit]);
            }
        }

        var cues = new List<RiskCue>(scanner.Cues.Length);
        foreach (var c in scanner.Cues)
        {
            cues.Add(new RiskCue(lexicon.CueClasses[c.CueClass], c.Start, c.Length));
        }

        var cueClasses = new List<string>();
        for (var bit = 0; bit < lexicon.CueClasses.Count; bit++)
        {
            if (result.CueMask.Has(bit))
            {
                cueClasses.Add(lexicon.CueClasses[bit]);
            }
        }

        return new RiskAssessment(level, categories, matches, ruleIds, LexiconVersion)
        {
            Situations = situations,
            Cues = cues,
            CueClasses = cueClasses,
        };
    }
}
