namespace ChatSupport.Domain.Risk;

/// <summary>
/// The rule-based risk engine: Japanese normalization, the reviewed lexicon, an Aho-Corasick matcher
/// and the context rules. Create it once (loading and compiling the lexicon takes a moment) and share
/// it: it is immutable and thread-safe.
/// </summary>
public sealed class RiskEngine
{
    private static readonly Lazy<RiskEngine> Default = new(() => new RiskEngine(RiskLexicon.LoadEmbedded()));

    private readonly CompiledLexicon _compiled;
    private readonly ThreadLocal<RiskScanner> _scanners;

    public RiskEngine(RiskLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _compiled = new CompiledLexicon(lexicon);
        _scanners = new ThreadLocal<RiskScanner>(CreateScanner);
    }

    public RiskLexicon Lexicon => _compiled.Lexicon;

    public string LexiconVersion => _compiled.Lexicon.Version;

    /// <summary>The engine over the lexicon embedded in the domain library (built once per process).</summary>
    public static RiskEngine CreateDefault() => Default.Value;

    /// <summary>A scanner with its own buffers, for callers that manage threads themselves.</summary>
    public RiskScanner CreateScanner() => new(_compiled);

    /// <summary>
    /// The allocation-free path: scans <paramref name="text"/> with this thread's scanner and returns
    /// the summary. Matches of the call are in <see cref="RiskScanner.Matches"/> of <see cref="CurrentScanner"/>.
    /// </summary>
    public RiskScanResult Scan(ReadOnlySpan<char> text) => _scanners.Value!.Scan(text);

    /// <summary>This thread's scanner (the one <see cref="Scan"/> uses).</summary>
    public RiskScanner CurrentScanner => _scanners.Value!;

    /// <summary>Assesses one message: level, categories, matches in the original text, rules and lexicon version.</summary>
    public RiskAssessment Assess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = _scanners.Value!;
        var result = scanner.Scan(text);

        var categories = new List<SupportCategory>();
        foreach (var category in SupportCategories.All)
        {
            if (result.Has(category))
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

        return new RiskAssessment(result.Level, categories, matches, RiskRuleIds.ToIds(result.Rules), LexiconVersion);
    }
}
