using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Understanding;

/// <summary>Summary of one pass over a message: the risk scan and the understanding scan, allocation-free.</summary>
public readonly record struct MessageScanResult(RiskScanResult Risk, UnderstandingScanResult Understanding);

/// <summary>
/// Reads what a message says besides its risk: intents, categories, age band, prefecture and preferences,
/// from the reviewed patterns in domain/Understanding/Patterns. It reads the text the risk engine has
/// already normalized (one normalization, two automata), so a whole reading costs one pass. Create once
/// and share: immutable and thread-safe.
/// </summary>
public sealed class UnderstandingEngine
{
    private static readonly Lazy<UnderstandingEngine> Default =
        new(() => new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadEmbedded()));

    /// <summary>
    /// Compiled automata by pattern set: compiling takes seconds and hundreds of megabytes, so every engine over the same
    /// patterns (one per host, each with its own clock) shares one; the compiled patterns are immutable.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<UnderstandingPatterns, CompiledPatterns> Compiled = new();

    private readonly RiskEngine _risk;
    private readonly CompiledPatterns _compiled;
    private readonly ThreadLocal<UnderstandingScanner> _scanners;

    /// <param name="clock">Gives the year in Japan, to read a birth year (平成18年生まれ) as an age; the system clock by default.</param>
    public UnderstandingEngine(RiskEngine risk, UnderstandingPatterns patterns, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(patterns);
        _risk = risk;
        var time = clock ?? TimeProvider.System;
        _compiled = Compiled.GetValue(patterns, p => new CompiledPatterns(p));
        _scanners = new ThreadLocal<UnderstandingScanner>(() => new UnderstandingScanner(_compiled, time));
    }

    /// <summary>The engine over the embedded patterns and the default risk engine (built once per process).</summary>
    public static UnderstandingEngine CreateDefault() => Default.Value;

    public RiskEngine Risk => _risk;

    public UnderstandingPatterns Patterns => _compiled.Patterns;

    public string PatternsVersion => _compiled.Patterns.Version;

    /// <summary>What the message says (its categories include the risk engine's).</summary>
    public MessageUnderstanding Understand(string text) => Read(text).Understanding;

    /// <summary>
    /// The allocation-free path: normalizes once, scans risk and understanding with this thread's scanners.
    /// </summary>
    public MessageScanResult Scan(ReadOnlySpan<char> text)
    {
        var risk = _risk.Scan(text);
        var scanner = _risk.CurrentScanner;
        var readAsSomethingElse = ReadAsSomethingElse(risk.Level, scanner.Dampened, (risk.Rules & RiskRules.Hyperbole) != 0, (risk.Rules & RiskRules.ThirdPerson) != 0);
        var understanding = _scanners.Value!.Scan(
            scanner.Normalized,
            readAsSomethingElse ? RiskLevel.None : risk.Level,
            readAsSomethingElse ? 0 : SignalCategories(scanner, risk));
        return new MessageScanResult(risk, understanding);
    }

    /// <summary>
    /// The categories of the risk signals that counted (level above none), plus other_person when the
    /// third-person rule fired. The lexicon's context words (親に, 学校で) colour a risk signal's categories for
    /// the crisis path, but they do not make a topic of their own here.
    /// </summary>
    private static uint SignalCategories(RiskScanner scanner, RiskScanResult risk)
    {
        var mask = 0u;
        foreach (var m in scanner.Matches)
        {
            if (m.Level == RiskLevel.None)
            {
                continue;
            }

            var categories = scanner.EntryOf(m.Entry).Categories;
            for (var i = 0; i < categories.Count; i++)
            {
                mask |= 1u << (int)categories[i];
            }
        }

        if ((risk.Rules & RiskRules.ThirdPerson) != 0)
        {
            mask |= 1u << (int)SupportCategory.OtherPerson;
        }

        return mask;
    }

    /// <summary>
    /// Round 16: where the risk engine read the words as something else — a dampener held (study, a game, camping, a
    /// song) or hyperbole — and the level is low at most, the risk reading is not the writer's situation: no disclosure
    /// or category is taken from it (看護学生で自傷の対応を習った, スマブラで死ぬほど負けた). A joke marker alone is not
    /// enough, and neither is a dampener over what someone else said (後輩が「引退したら全部終わりにする」って冗談っぽく
    /// 言ってた: the occasion dampener holds, but the writer is telling of a friend's danger).
    /// </summary>
    private static bool ReadAsSomethingElse(RiskLevel level, bool dampened, bool hyperbole, bool thirdPerson) =>
        level <= RiskLevel.Low && !thirdPerson && (dampened || hyperbole);

    /// <summary>Risk and understanding of one message, with the evidence of both.</summary>
    public MessageReading Read(string text) => Read(text, null, default);

    /// <summary>
    /// Risk and understanding of one message; the risk also looks at <paramref name="conversation"/> (the recent
    /// messages' situations), so a situation can combine with an earlier message.
    /// </summary>
    public MessageReading Read(string text, ConversationRisk? conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var assessment = _risk.Assess(text, conversation, now);
        var riskScanner = _risk.CurrentScanner;
        var riskMask = SignalCategories(riskScanner, new RiskScanResult(assessment.Level, 0, assessment.Rules.Contains(RiskRuleIds.ThirdPerson) ? RiskRules.ThirdPerson : RiskRules.None, 0));

        // 「死にたいとかじゃないけど、しんどい」: a wish to die or to self-harm said and denied in the same breath is
        // not the topic (the risk stays low for the counselor); what else the message says is.
        var denied = assessment.Level <= RiskLevel.Low && assessment.Rules.Contains(RiskRuleIds.Negation);
        if (denied)
        {
            riskMask &= ~((1u << (int)SupportCategory.Suicidal) | (1u << (int)SupportCategory.SelfHarm));
        }

        var readAsSomethingElse = ReadAsSomethingElse(
            assessment.Level,
            riskScanner.Dampened,
            assessment.Rules.Contains(RiskRuleIds.Hyperbole, StringComparer.Ordinal),
            assessment.Rules.Contains(RiskRuleIds.ThirdPerson, StringComparer.Ordinal));
        if (readAsSomethingElse)
        {
            riskMask = 0;
        }

        var scanner = _scanners.Value!;
        var result = scanner.Scan(riskScanner.Normalized, readAsSomethingElse ? RiskLevel.None : assessment.Level, riskMask, text);
        var normalized = riskScanner.Normalized;

        var cues = new List<UnderstandingCue>();
        foreach (var m in assessment.Matches)
        {
            if (m.Level > RiskLevel.None && m.Category is { } category && !readAsSomethingElse
                && !(denied && category is SupportCategory.Suicidal or SupportCategory.SelfHarm))
            {
                cues.Add(new UnderstandingCue(m.EntryId, CueKind.Risk, category.ToWire(), m.Start, m.Length));
            }
        }

        foreach (var cue in scanner.Cues)
        {
            var start = normalized.Starts[cue.Start];
            var length = normalized.Ends[cue.End - 1] - start;
            if (cue.Entry == UnderstandingScanner.NumberAge)
            {
                cues.Add(new UnderstandingCue("age-number", CueKind.AgeBand, ((AgeBand)cue.AgeBand).ToWire(), start, length));
                continue;
            }

            var entry = _compiled.Patterns.Entries[cue.Entry];
            if (entry.AgeBand is { } band)
            {
                cues.Add(new UnderstandingCue(entry.Id, CueKind.AgeBand, band.ToWire(), start, length));
            }

            if (entry.PrefectureCode is { } code)
            {
                cues.Add(new UnderstandingCue(entry.Id, CueKind.Prefecture, code, start, length));
            }

            foreach (var intent in entry.Intents)
            {
                cues.Add(new UnderstandingCue(entry.Id, CueKind.Intent, intent.ToWire(), start, length));
            }

            if (entry.Weak && !result.Has(Intent.Disclosure))
            {
                // Weak topics without a disclosure were not counted.
            }
            else
            {
                foreach (var category in entry.Categories)
                {
                    cues.Add(new UnderstandingCue(entry.Id, CueKind.Category, category.ToWire(), start, length));
                }
            }

            if (entry.Advice is { } advice)
            {
                cues.Add(new UnderstandingCue(entry.Id, CueKind.Advice, advice, start, length));
            }

            foreach (var flag in new[] { PreferenceFlags.CannotCall, PreferenceFlags.PrefersText, PreferenceFlags.Female, PreferenceFlags.Male, PreferenceFlags.Young })
            {
                if ((entry.Preferences & flag) != 0)
                {
                    cues.Add(new UnderstandingCue(entry.Id, CueKind.Preference, PreferenceWire(flag), start, length));
                }
            }
        }

        var understanding = new MessageUnderstanding(
            Intents.All.Where(result.Has).ToList(),
            SupportCategories.All.Where(result.Has).ToList(),
            result.AgeBand,
            result.PrefectureCode,
            ToPreferences(result.Preferences),
            cues);
        return new MessageReading(assessment, understanding);
    }

    internal static ContactPreferences ToPreferences(PreferenceFlags flags)
    {
        if (flags == PreferenceFlags.None)
        {
            return ContactPreferences.None;
        }

        // One counselor preference: the first the message named in this order (female, male, young).
        string? counselor = (flags & PreferenceFlags.Female) != 0 ? CounselorPreferences.Female
            : (flags & PreferenceFlags.Male) != 0 ? CounselorPreferences.Male
            : (flags & PreferenceFlags.Young) != 0 ? CounselorPreferences.Young
            : null;
        return new ContactPreferences((flags & PreferenceFlags.CannotCall) != 0, (flags & PreferenceFlags.PrefersText) != 0, counselor);
    }

    private static string PreferenceWire(PreferenceFlags flag) => flag switch
    {
        PreferenceFlags.CannotCall => "cannot_call",
        PreferenceFlags.PrefersText => "prefers_text",
        PreferenceFlags.Female => CounselorPreferences.Female,
        PreferenceFlags.Male => CounselorPreferences.Male,
        _ => CounselorPreferences.Young,
    };
}

/// <summary>
/// The one reader of a message for the bot: normalizes once and runs the risk and understanding matchers.
/// Registered as a singleton beside <see cref="RiskEngine"/>.
/// </summary>
public sealed class MessageReader(UnderstandingEngine engine)
{
    public static MessageReader CreateDefault() => new(UnderstandingEngine.CreateDefault());

    public UnderstandingEngine Engine => engine;

    public MessageReading Read(string text) => engine.Read(text);

    /// <summary>Reads one message in the context of the conversation's recent risk (see <see cref="UnderstandingEngine.Read(string, ConversationRisk?, DateTimeOffset)"/>).</summary>
    public MessageReading Read(string text, ConversationRisk? conversation, DateTimeOffset now) => engine.Read(text, conversation, now);

    public MessageScanResult Scan(ReadOnlySpan<char> text) => engine.Scan(text);
}
