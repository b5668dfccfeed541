using System.Numerics;

namespace ChatSupport.Domain.Risk;

/// <summary>Context rules that changed a result. Ids on the wire: see <see cref="RiskRuleIds"/>.</summary>
[Flags]
public enum RiskRules
{
    None = 0,

    /// <summary>A figure of speech (死ぬほど眠い, 恥ずか死ぬ) cancelled a signal inside it.</summary>
    Hyperbole = 1 << 0,

    /// <summary>A clear joke marker (ｗ, 笑) lowered an ambiguous signal (死ぬ, 死ね, 殺す) to none.</summary>
    Joke = 1 << 1,

    /// <summary>A negation after a signal lowered it (死にたいとは思ってない → low).</summary>
    Negation = 1 << 2,

    /// <summary>A past marker turned a signal into a risk factor (前にODした → medium).</summary>
    PastTense = 1 << 3,

    /// <summary>A recurrence marker kept a past signal at its level (昔…、最近また).</summary>
    Recurrence = 1 << 4,

    /// <summary>The message describes another person: category other_person, at that person's level.</summary>
    ThirdPerson = 1 << 5,

    /// <summary>A time word (今, これから, 今夜, 今日) raised a high signal to critical.</summary>
    TimeWord = 1 << 6,

    /// <summary>The learned backstop (<see cref="RiskModel"/>) raised a message the lexicon read below high to high.</summary>
    ModelHigh = 1 << 7,

    /// <summary>The learned backstop raised a high message to critical.</summary>
    ModelCritical = 1 << 8,

    /// <summary>The learned backstop raised a message in which the lexicon named no harm, and a category head named one (round 16).</summary>
    ModelCategory = 1 << 9,
}

public static class RiskRuleIds
{
    public const string Hyperbole = "hyperbole";
    public const string Joke = "joke";
    public const string Negation = "negation";
    public const string PastTense = "past_tense";
    public const string Recurrence = "recurrence";
    public const string ThirdPerson = "third_person";
    public const string TimeWord = "time_word";
    public const string ModelHigh = "model_high";
    public const string ModelCritical = "model_critical";
    public const string ModelCategory = "model_category";

    public static IReadOnlyList<string> ToIds(RiskRules rules)
    {
        var ids = new List<string>(4);
        if ((rules & RiskRules.Hyperbole) != 0) { ids.Add(Hyperbole); }
        if ((rules & RiskRules.Joke) != 0) { ids.Add(Joke); }
        if ((rules & RiskRules.Negation) != 0) { ids.Add(Negation); }
        if ((rules & RiskRules.PastTense) != 0) { ids.Add(PastTense); }
        if ((rules & RiskRules.Recurrence) != 0) { ids.Add(Recurrence); }
        if ((rules & RiskRules.ThirdPerson) != 0) { ids.Add(ThirdPerson); }
        if ((rules & RiskRules.TimeWord) != 0) { ids.Add(TimeWord); }
        if ((rules & RiskRules.ModelHigh) != 0) { ids.Add(ModelHigh); }
        if ((rules & RiskRules.ModelCritical) != 0) { ids.Add(ModelCritical); }
        if ((rules & RiskRules.ModelCategory) != 0) { ids.Add(ModelCategory); }
        return ids;
    }
}

/// <summary>Summary of one scan; categories as a bit mask over <see cref="SupportCategory"/>.</summary>
public readonly record struct RiskScanResult(RiskLevel Level, uint CategoryMask, RiskRules Rules, int MatchCount)
{
    public bool Has(SupportCategory category) => (CategoryMask & (1u << (int)category)) != 0;

    /// <summary>Cue classes found in the message, as bits over <see cref="RiskLexicon.CueClasses"/>.</summary>
    public CueClassMask CueMask { get; init; }

    /// <summary>Situation ids, as bits over <see cref="RiskScanner.SituationIdOf"/>.</summary>
    public ulong SituationMask { get; init; }

    /// <summary>How many situation rules and dampeners fired (<see cref="RiskScanner.FiredRules"/>).</summary>
    public int FiredRuleCount { get; init; }
}

/// <summary>A cue of a situation class found by the last scan, with its span in the original text.</summary>
public readonly record struct RiskCueInfo(int CueClass, int Start, int Length);

/// <summary>A reported signal of the last scan, with its span in the original text.</summary>
public readonly record struct RiskMatchInfo(int Pattern, int Entry, int Start, int Length, RiskLevel Level);

/// <summary>
/// The hot path: normalize, match, score. One scanner per thread (it reuses its buffers); after the
/// buffers have grown to the longest message seen, <see cref="Scan"/> allocates nothing.
/// </summary>
public sealed class RiskScanner
{
    private const int NegationWindow = 12;
    private const int PastWindow = 20;
    private const int RecurrenceWindow = 30;
    private const int JokeWindow = 30;
    private const int TimeWindow = 40;

    private const uint UrgentCategories =
        (1u << (int)SupportCategory.Suicidal) | (1u << (int)SupportCategory.SelfHarm) | (1u << (int)SupportCategory.Abuse)
        | (1u << (int)SupportCategory.Dv) | (1u << (int)SupportCategory.SexualViolence);

    // The lexicon's own reading that the words mean something else: the learned backstop never overrides it.
    private const RiskRules ReadAsSomethingElse = RiskRules.Hyperbole | RiskRules.Joke | RiskRules.Negation | RiskRules.PastTense;

    private readonly CompiledLexicon _lexicon;
    private readonly RiskModel? _model;
    private readonly NormalizedText _text = new();
    private readonly int[] _withStamp;
    private RawMatch[] _raw = new RawMatch[64];
    private int _rawCount;
    private int[] _overriding = new int[16];
    private int _overridingCount;
    private int[] _context = new int[16];
    private int _contextCount;
    private int _contextRoles;
    private RiskMatchInfo[] _reported = new RiskMatchInfo[16];
    private int _reportedCount;
    private int _stamp;
    private CueClassMask[] _clauseMasks = new CueClassMask[16];
    private int _clauseCount;
    private readonly ulong[] _ruleCandidates;
    private int[] _fired = new int[16];
    private int _firedCount;
    private RiskCueInfo[] _cues = new RiskCueInfo[16];
    private int _cueCount;

    internal RiskScanner(CompiledLexicon lexicon, RiskModel? model = null)
    {
        _lexicon = lexicon;
        _model = model;
        _withStamp = new int[lexicon.EntryCount];
        _ruleCandidates = new ulong[lexicon.RuleWordCount];
    }

    /// <summary>The normalized text of the last <see cref="Scan"/> (read by the understanding scanner), valid until the next call.</summary>
    internal NormalizedText Normalized => _text;

    /// <summary>
    /// Whether the last <see cref="Scan"/> found a dampener that holds (study, a game, camping, a song …), whether or not
    /// it changed the level: the words were read as something else (the understanding pass reads no disclosure from them).
    /// </summary>
    public bool Dampened { get; private set; }

    /// <summary>Signals reported by the last <see cref="Scan"/>, valid until the next call.</summary>
    public ReadOnlySpan<RiskMatchInfo> Matches => _reported.AsSpan(0, _reportedCount);

    /// <summary>The lexicon term (as written) of a reported pattern.</summary>
    public string TermOf(int pattern) => _lexicon.PatternTerms[pattern];

    public LexiconEntry EntryOf(int entry) => _lexicon.Lexicon.Entries[entry];

    /// <summary>Indexes into <see cref="RiskLexicon.Rules"/> of the rules that fired in the last scan, in firing order.</summary>
    public ReadOnlySpan<int> FiredRules => _fired.AsSpan(0, _firedCount);

    /// <summary>Situation cues found by the last scan (terms of situations.yaml classes), valid until the next call.</summary>
    public ReadOnlySpan<RiskCueInfo> Cues => _cues.AsSpan(0, _cueCount);

    /// <summary>The situation id of a bit of <see cref="RiskScanResult.SituationMask"/>.</summary>
    public string SituationIdOf(int bit) => _lexicon.SituationIds[bit];

    public RiskScanResult Scan(ReadOnlySpan<char> text)
    {
        _rawCount = 0;
        _overridingCount = 0;
        _contextCount = 0;
        _contextRoles = 0;
        _reportedCount = 0;
        _firedCount = 0;
        _cueCount = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_withStamp);
            _stamp = 1;
        }

        JapaneseNormalizer.Normalize(text, _text);
        FindMatches(text);
        SuppressContained();
        return Score();
    }

    /// <summary>
    /// For lexicon checks: whether the last <see cref="Scan"/> matched a term of <paramref name="entry"/> (as a
    /// <c>with</c> term when <paramref name="with"/>), and whether a longer mask or phrase then cancelled it.
    /// </summary>
    internal bool MatchedEntry(int entry, bool with, out bool suppressed)
    {
        var found = false;
        suppressed = true;
        for (var i = 0; i < _rawCount; i++)
        {
            ref var m = ref _raw[i];
            if (m.Entry == entry && (m.Role == WithRole) == with)
            {
                found = true;
                suppressed &= m.Suppressed;
            }
        }

        suppressed &= found;
        return found;
    }

    private void FindMatches(ReadOnlySpan<char> text)
    {
        var sink = new MatchSink(this, text);
        _clauseCount = NormalizedMatcher.Run(_lexicon.Automaton, _text, _lexicon.PatternTsu, ref sink);
    }

    private void OnMatch(ReadOnlySpan<char> text, int p, int start, int end, int clause)
    {
        if (_lexicon.PatternAscii[p] && !IsWholeWord(start, end))
        {
            return;
        }

        var boundary = _lexicon.PatternBoundary[p];
        if (boundary != WordBoundary.None && !IsKanaWord(text, start, end, boundary, _lexicon.PatternTerms[p]))
        {
            return;
        }

        // 行きたくねえ is not 行きたくね, あるけえ is not あるけど: a term written with a stretched last kana needs one.
        if (_lexicon.PatternStretchedTail[p] && _text.Ends[end - 1] - _text.Starts[end - 1] < 2)
        {
            return;
        }

        var guard = _lexicon.PatternGuards[p];
        if (guard is not null && !guard.Allows(_text, end))
        {
            return;
        }

        if (_rawCount == _raw.Length)
        {
            Array.Resize(ref _raw, _raw.Length * 2);
        }

        var entry = _lexicon.PatternEntries[p];
        var role = _lexicon.PatternIsWith[p] ? WithRole : _lexicon.Roles[entry];
        if (role != WithRole && _lexicon.Overrides[entry])
        {
            Append(ref _overriding, ref _overridingCount, _rawCount);
        }

        if (role is LexiconRole.Negation or LexiconRole.Past or LexiconRole.Recurrence or LexiconRole.Joke or LexiconRole.Time)
        {
            Append(ref _context, ref _contextCount, _rawCount);
            _contextRoles |= 1 << (int)role;
        }

        _raw[_rawCount++] = new RawMatch
        {
            Pattern = p,
            Entry = entry,
            Role = role,
            Start = start,
            End = end,
            Clause = clause,
        };
    }

    private static void Append(ref int[] list, ref int count, int value)
    {
        if (count == list.Length)
        {
            Array.Resize(ref list, list.Length * 2);
        }

        list[count++] = value;
    }

    private readonly ref struct MatchSink(RiskScanner owner, ReadOnlySpan<char> text) : IMatchSink
    {
        private readonly ReadOnlySpan<char> _text = text;

        public void OnMatch(int pattern, int start, int end, int clause) => owner.OnMatch(_text, pattern, start, end, clause);
    }

    // Hiragana after which a two-kana word may begin (particles, もう, っ): もうしね, 早くしね.
    private const string WordStarters = "はがをにでともへやよねなうっくだてん";

    /// <summary>
    /// A short kana term counts only where a word can begin and end: a katakana term must be written in
    /// katakana with no katakana around it (ライブ is not イブ, 思うと is not ウット); a hiragana term must not
    /// run on into more hiragana (あたしのうち is not しのう), and a two-kana one must also start after a particle.
    /// </summary>
    private bool IsKanaWord(ReadOnlySpan<char> text, int start, int end, WordBoundary boundary, string written)
    {
        var first = _text.Starts[start];
        var last = _text.Ends[end - 1];
        var writtenLength = written.Length;
        if (boundary == WordBoundary.Katakana && !IsKatakana(written[^1]))
        {
            // A katakana word with hiragana after it (ママへ, ビンも, ロープかっ): the katakana must be a whole word
            // (none right before it), then the text turns to hiragana inside the span and stays there.
            if (!IsKatakana(text[first]) || (first > 0 && IsKatakana(text[first - 1])))
            {
                return false;
            }

            var i = first;
            while (i < last && IsKatakana(text[i]))
            {
                i++;
            }

            if (i == last)
            {
                return false;
            }

            for (; i < last; i++)
            {
                if (IsKatakana(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (boundary == WordBoundary.Katakana)
        {
            for (var i = first; i < last; i++)
            {
                if (!IsKatakana(text[i]))
                {
                    return false;
                }
            }

            return (first == 0 || !IsKatakana(text[first - 1])) && (last >= text.Length || !IsKatakana(text[last]));
        }

        // The word must start after a particle or outside kana (あたしのうち is not しのう, むかしね is not
        // しね); its end is free, since verbs and adjectives go on (しびれてる, いまおとうさんに).
        // Written in katakana, it must be a whole katakana word spelled like the term (カッター is neither
        // かった nor かた; ｼﾇ is しぬ).
        if (IsKatakana(text[first])
            && (last - first != writtenLength || (last < text.Length && IsKatakana(text[last])) || (first > 0 && IsKatakana(text[first - 1]))))
        {
            return false;
        }

        // A katakana word followed by hiragana is a word end too (ホームにいる is ホーム + にいる).
        return first == 0 || !IsKana(text[first - 1]) || WordStarters.Contains(ToHiragana(text[first - 1]), StringComparison.Ordinal)
            || (IsKatakana(text[first - 1]) && IsHiragana(text[first]));
    }

    private static bool IsKana(char c) => IsHiragana(c) || IsKatakana(c);

    private static char ToHiragana(char c) => c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FF' or >= '\uFF66' and <= '\uFF9F';

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096';

    // With-cues are stored under a role value outside the enum's named range.
    private const LexiconRole WithRole = (LexiconRole)(-1);

    private bool IsWholeWord(int start, int end)
    {
        var chars = _text.Chars;
        var starts = _text.Starts;
        var ends = _text.Ends;
        var before = start == 0 || !char.IsAsciiLetter(chars[start - 1]) || starts[start] != ends[start - 1];
        var after = end == _text.Length || !char.IsAsciiLetter(chars[end]) || starts[end] != ends[end - 1];
        return before && after;
    }

    /// <summary>A term inside a longer hyperbole or mask phrase does not count (死ぬ in 死ぬほど).</summary>
    /// <remarks>
    /// Only an overriding match (<see cref="_overriding"/>, in match order) can contain another, so only those are
    /// searched, in the order a search over all matches would meet them: back over the matches ending where this one
    /// ends, then forward up to the longest pattern's reach. The first one found decides, as before.
    /// </remarks>
    private void SuppressContained()
    {
        var maxLength = _lexicon.MaxPatternLength;
        var overriding = _overriding.AsSpan(0, _overridingCount);
        if (overriding.IsEmpty)
        {
            return;
        }

        // overriding[..next] are the overriding matches up to and including match i.
        var next = 0;
        for (var i = 0; i < _rawCount; i++)
        {
            while (next < overriding.Length && overriding[next] <= i)
            {
                next++;
            }

            ref var m = ref _raw[i];
            if (m.Role is LexiconRole.Mask or LexiconRole.Hyperbole)
            {
                continue;
            }

            var found = -1;
            for (var q = next - 1; q >= 0; q--)
            {
                var j = overriding[q];
                if (j == i)
                {
                    continue;
                }

                if (_raw[j].End != m.End)
                {
                    break;
                }

                if (Contains(_lexicon.Overrides, ref _raw[j], ref m))
                {
                    found = j;
                    break;
                }
            }

            if (found < 0)
            {
                for (var q = next; q < overriding.Length && _raw[overriding[q]].End <= m.Start + maxLength; q++)
                {
                    if (Contains(_lexicon.Overrides, ref _raw[overriding[q]], ref m))
                    {
                        found = overriding[q];
                        break;
                    }
                }

                if (found < 0)
                {
                    continue;
                }
            }

            m.Suppressed = true;
            m.SuppressedByHyperbole = _raw[found].Role == LexiconRole.Hyperbole;
        }
    }

    // A situation cue is independent evidence: only masks and hyperbole cancel it, not a longer signal.
    private static bool Contains(bool[] overrides, ref RawMatch outer, ref RawMatch inner) =>
        outer.Role != WithRole && overrides[outer.Entry]
        && (inner.Role != LexiconRole.Cue || outer.Role is LexiconRole.Mask or LexiconRole.Hyperbole)
        && outer.Start <= inner.Start && outer.End >= inner.End
        && outer.End - outer.Start > inner.End - inner.Start;

    private RiskScanResult Score()
    {
        var thirdPerson = false;
        var rules = RiskRules.None;
        if (_clauseMasks.Length < _clauseCount)
        {
            _clauseMasks = new CueClassMask[Math.Max(_clauseCount, _clauseMasks.Length * 2)];
        }

        Array.Clear(_clauseMasks, 0, _clauseCount);
        for (var i = 0; i < _rawCount; i++)
        {
            ref var m = ref _raw[i];
            if (!m.Suppressed && m.Role == LexiconRole.Cue && _lexicon.CueNegatable[m.Entry]
                && HasCue(i, LexiconRole.Negation, m.End - 2, m.End + NegationWindow, 0, after: true))
            {
                // A negated act is no act (叩かれたことはない, 殴られてはない): the cue does not count.
                m.Suppressed = true;
                rules |= RiskRules.Negation;
                continue;
            }

            if (!m.Suppressed && m.Role != WithRole)
            {
                var bits = _lexicon.CueBits[m.Entry];
                _clauseMasks[m.Clause] |= bits;
                if (m.Role == LexiconRole.Cue)
                {
                    ReportCue(ref m);
                }
            }

            if (m.Suppressed)
            {
                if (m.SuppressedByHyperbole && m.Role == LexiconRole.Signal && _lexicon.Levels[m.Entry] > RiskLevel.None)
                {
                    rules |= RiskRules.Hyperbole;
                }

                continue;
            }

            if (m.Role == WithRole)
            {
                _withStamp[m.Entry] = _stamp;
            }
            else if (m.Role == LexiconRole.ThirdPerson)
            {
                thirdPerson = true;
            }
        }

        var level = RiskLevel.None;
        uint categories = 0;
        uint categoryOnly = 0;
        ulong situations = 0;
        var signals = 0;
        for (var i = 0; i < _rawCount; i++)
        {
            ref var m = ref _raw[i];
            if (m.Suppressed || m.Role != LexiconRole.Signal)
            {
                continue;
            }

            var e = m.Entry;
            if (_lexicon.NeedsWith[e] && _withStamp[e] != _stamp)
            {
                continue;
            }

            var entryLevel = _lexicon.Levels[e];
            if (entryLevel == RiskLevel.None)
            {
                categoryOnly |= _lexicon.CategoryMasks[e];
                Report(ref m, RiskLevel.None);
                continue;
            }

            var effective = entryLevel;
            var lowered = false;
            if (HasCue(i, LexiconRole.Negation, m.End - 2, m.End + NegationWindow, 0, after: true))
            {
                effective = Min(effective, _lexicon.IfNegated[e]);
                rules |= RiskRules.Negation;
                lowered = true;
            }
            else if (HasCue(i, LexiconRole.Past, m.Start - PastWindow, m.End + PastWindow, 0, after: false))
            {
                if (HasCue(i, LexiconRole.Recurrence, m.Start - RecurrenceWindow, m.End + RecurrenceWindow, 0, after: false)
                    || HasCue(i, LexiconRole.Time, m.Start - PastWindow, m.End + PastWindow, 0, after: false))
                {
                    rules |= RiskRules.Recurrence;
                }
                else if (_lexicon.IfPast[e] < effective)
                {
                    effective = _lexicon.IfPast[e];
                    rules |= RiskRules.PastTense;
                    lowered = true;
                }
            }

            var now = HasCue(i, LexiconRole.Time, m.Start - TimeWindow, m.End + TimeWindow, 1, after: false);
            if (_lexicon.Ambiguous[e] && !now && HasCue(i, LexiconRole.Joke, m.End, m.End + JokeWindow, 1, after: true))
            {
                rules |= RiskRules.Joke;
                continue;
            }

            if (!lowered && now && effective == RiskLevel.High && (_lexicon.CategoryMasks[e] & UrgentCategories) != 0)
            {
                effective = RiskLevel.Critical;
                rules |= RiskRules.TimeWord;
            }

            if (effective == RiskLevel.None)
            {
                continue;
            }

            level = RiskLevels.Max(level, effective);
            categories |= _lexicon.CategoryMasks[e];
            signals++;
            Report(ref m, effective);
            MarkDerived(ref m, effective, ref situations);
        }

        var messageMask = CueClassMask.Empty;
        var groupBits = _lexicon.GroupBits;
        var groupMembers = _lexicon.GroupMembers;
        for (var c = 0; c < _clauseCount; c++)
        {
            ref var clause = ref _clauseMasks[c];
            for (var g = 0; g < groupBits.Length; g++)
            {
                if (clause.Intersects(in groupMembers[g]))
                {
                    clause |= groupBits[g];
                }
            }

            messageMask |= clause;
        }

        var cleared = ApplyRules(messageMask, ref level, ref categories, ref situations, out var dampened);
        Dampened = dampened;
        if (_model is not null && level < RiskLevel.Critical && !dampened && (rules & ReadAsSomethingElse) == 0 && HasJapaneseScript(_text))
        {
            RaiseByModel(ref level, ref rules);
            if ((rules & (RiskRules.ModelHigh | RiskRules.ModelCritical)) != 0 && (categories & RiskModel.HarmMask) == 0)
            {
                // Round 16: a raise in which the lexicon named no harm takes the harm the category heads are sure of,
                // so that the crisis reply can choose its template (an assault, sextortion) rather than the general one.
                var named = _model.CategoryMask(_text);
                if (named != 0)
                {
                    categories |= named;
                    rules |= RiskRules.ModelCategory;
                }
            }
        }

        // A dampener that takes categories away says the signal was not what it looked like (a game loss): the
        // category-only context beside it (兄に) means nothing either.
        if (level >= RiskLevel.Low && cleared == 0)
        {
            categories |= categoryOnly;
            if (thirdPerson)
            {
                categories |= 1u << (int)SupportCategory.OtherPerson;
                rules |= RiskRules.ThirdPerson;
            }
        }
        else
        {
            // Category-only context (親に, 彼氏に) means nothing without a signal.
            _reportedCount = 0;
        }

        if (thirdPerson && level >= RiskLevel.Medium)
        {
            situations |= _lexicon.ThirdPersonSituation;
        }

        return new RiskScanResult(level, categories, rules, _reportedCount)
        {
            CueMask = messageMask,
            SituationMask = level >= RiskLevel.Medium ? situations : 0,
            FiredRuleCount = _firedCount,
        };
    }

    /// <summary>
    /// The learned backstop: below high, P(high or above) at or over its threshold raises to high (a higher threshold
    /// where the lexicon found nothing at all), and to critical when both heads are at or over
    /// <see cref="RiskModel.BothHeadsConfident"/>; where the lexicon itself read high, P(critical) at or over its
    /// threshold raises to critical. It never lowers; since round 16 the caller adds the category heads' harm to a raise
    /// in which the lexicon named none.
    /// </summary>
    private void RaiseByModel(ref RiskLevel level, ref RiskRules rules)
    {
        if (_text.Length < RiskModel.MinimumLength)
        {
            // A few characters give the model a few n-grams, each weighing too much (生き生きしてる); short danger is
            // what the lexicon lists best (4にてぇ, ODなう).
            return;
        }

        var (high, critical) = _model!.Score(_text);
        if (level < RiskLevel.High)
        {
            if (high >= (level == RiskLevel.None ? _model.HighThresholdAlone : _model.HighThreshold))
            {
                level = RiskLevel.High;
                rules |= RiskRules.ModelHigh;
                if (high >= RiskModel.BothHeadsConfident && critical >= RiskModel.BothHeadsConfident)
                {
                    // Round 15: where both heads are confident, a place or a decision the lexicon did not list is
                    // answered as critical (measured leaving each writer's set out of training: docs/risk.md).
                    level = RiskLevel.Critical;
                    rules |= RiskRules.ModelCritical;
                }
            }

            return;
        }

        if (critical >= _model.CriticalThreshold)
        {
            level = RiskLevel.Critical;
            rules |= RiskRules.ModelCritical;
        }
    }

    /// <summary>
    /// The learned backstop read Japanese (kana and kanji n-grams); a message in English or romaji alone is left to the
    /// lexicon, whose English and romaji entries know "took my meds" from "took the whole bottle".
    /// </summary>
    private static bool HasJapaneseScript(NormalizedText text)
    {
        foreach (var c in text.Chars.AsSpan(0, text.Length))
        {
            if (c is >= '\u3041' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }

        return false;
    }

    private void MarkDerived(ref RawMatch m, RiskLevel effective, ref ulong situations)
    {
        var e = m.Entry;
        var bits = CueClassMask.Empty;
        if (effective >= RiskLevel.Medium)
        {
            bits |= _lexicon.DistressBit;
        }

        if (effective >= RiskLevel.High)
        {
            bits |= _lexicon.SignalHighBit;
            situations |= _lexicon.EntrySituations[e];
            var mask = _lexicon.CategoryMasks[e];
            if ((mask & (1u << (int)SupportCategory.Suicidal)) != 0)
            {
                bits |= _lexicon.IdeationBit;
            }

            if ((mask & (1u << (int)SupportCategory.SelfHarm)) != 0)
            {
                bits |= _lexicon.SelfHarmBit;
            }
        }

        _clauseMasks[m.Clause] |= bits;
    }

    /// <summary>Situation rules raise, then dampeners cap (and take away their categories); sentence rules need their classes in one sentence.</summary>
    /// <returns>The categories the dampeners that fired take away (also from categories added after the rules).</returns>
    /// <remarks>
    /// Only candidate rules are checked: those filed under a class the message holds, plus those with no trigger class
    /// (<see cref="CompiledLexicon.RulesByTrigger"/>). A rule outside that set cannot fire, and the candidates are visited
    /// in ascending rule order, as a loop over every rule would, so <see cref="FiredRules"/> keeps its order.
    /// </remarks>
    private uint ApplyRules(in CueClassMask messageMask, ref RiskLevel level, ref uint categories, ref ulong situations, out bool dampened)
    {
        dampened = false;
        var candidates = CandidateRules(in messageMask);
        var raising = _lexicon.RaisingRules;
        for (var w = 0; w < candidates.Length; w++)
        {
            var bits = candidates[w] & raising[w];
            while (bits != 0)
            {
                var r = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!Fires(r, in messageMask))
                {
                    continue;
                }

                level = RiskLevels.Max(level, _lexicon.RuleLevels[r]);
                categories |= _lexicon.RuleCategories[r];
                situations |= _lexicon.RuleSituations[r];
                AddFired(r);
            }
        }

        // A dampener lowers the level to its cap and takes away its categories (a game loss is not abuse); it counts
        // as fired only when it changed one of them.
        var cleared = 0u;
        var dampeners = _lexicon.DampenerRules;
        for (var w = 0; w < candidates.Length; w++)
        {
            var bits = candidates[w] & dampeners[w];
            while (bits != 0)
            {
                var r = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (!Fires(r, in messageMask))
                {
                    continue;
                }

                // A dampener that holds (study, a game, a song) vetoes the learned backstop even where it changed nothing.
                dampened = true;
                if (level <= _lexicon.RuleCaps[r] && _lexicon.RuleCategories[r] == 0)
                {
                    continue;
                }

                level = RiskLevels.Min(level, _lexicon.RuleCaps[r]);
                cleared |= _lexicon.RuleCategories[r];
                AddFired(r);
            }
        }

        categories &= ~cleared;
        return cleared;
    }

    /// <summary>
    /// The rules that may fire on a message holding <paramref name="messageMask"/>, as a set over rule indexes: the rows
    /// of <see cref="CompiledLexicon.RulesByTrigger"/> for each class of the message, and the rules with no trigger.
    /// Held in a buffer of the scanner, so this allocates nothing.
    /// </summary>
    private ReadOnlySpan<ulong> CandidateRules(in CueClassMask messageMask)
    {
        var wordCount = _lexicon.RuleWordCount;
        var candidates = _ruleCandidates.AsSpan(0, wordCount);
        _lexicon.RulesWithoutTrigger.CopyTo(candidates);
        Span<ulong> classWords = stackalloc ulong[CueClassMask.WordCount];
        messageMask.CopyTo(classWords);
        var byTrigger = _lexicon.RulesByTrigger;
        for (var cw = 0; cw < classWords.Length; cw++)
        {
            var classBits = classWords[cw];
            while (classBits != 0)
            {
                var row = byTrigger.AsSpan(((cw << 6) + BitOperations.TrailingZeroCount(classBits)) * wordCount, wordCount);
                classBits &= classBits - 1;
                for (var w = 0; w < wordCount; w++)
                {
                    candidates[w] |= row[w];
                }
            }
        }

        return candidates;
    }

    private bool Fires(int r, in CueClassMask messageMask)
    {
        // The masks are 128 bytes: read them in place rather than copying them per rule.
        ref readonly var all = ref _lexicon.RuleAll[r];
        ref readonly var any = ref _lexicon.RuleAny[r];
        if (messageMask.Intersects(in _lexicon.RuleNone[r]) || !messageMask.ContainsAll(in all) || (!any.IsEmpty && !messageMask.Intersects(in any)))
        {
            return false;
        }

        if (_lexicon.RuleScopes[r] != SituationScope.Sentence)
        {
            return true;
        }

        for (var c = 0; c < _clauseCount; c++)
        {
            ref readonly var mask = ref _clauseMasks[c];
            if (mask.ContainsAll(in all) && (any.IsEmpty || mask.Intersects(in any)))
            {
                return true;
            }
        }

        return false;
    }

    private void AddFired(int rule)
    {
        if (_firedCount == _fired.Length)
        {
            Array.Resize(ref _fired, _fired.Length * 2);
        }

        _fired[_firedCount++] = rule;
    }

    private void ReportCue(ref RawMatch m)
    {
        if (_cueCount == _cues.Length)
        {
            Array.Resize(ref _cues, _cues.Length * 2);
        }

        var start = _text.Starts[m.Start];
        var end = _text.Ends[m.End - 1];
        _cues[_cueCount++] = new RiskCueInfo(_lexicon.CueBits[m.Entry].LowestIndex(), start, end - start);
    }

    /// <summary>
    /// Whether a cue of <paramref name="role"/> starts in [from, to] within <paramref name="clauseDistance"/>
    /// clauses of match <paramref name="i"/> (only later clauses when <paramref name="after"/>).
    /// </summary>
    /// <remarks>
    /// Only the matches of the context roles (<see cref="_context"/>, a few per message) are looked at: the answer is
    /// whether any of them is such a cue, so no other match and no order matters.
    /// </remarks>
    private bool HasCue(int i, LexiconRole role, int from, int to, int clauseDistance, bool after)
    {
        if ((_contextRoles & (1 << (int)role)) == 0)
        {
            return false;
        }

        ref readonly var m = ref _raw[i];
        var minEnd = after ? m.End : int.MinValue;
        foreach (var j in _context.AsSpan(0, _contextCount))
        {
            if (j != i && IsCue(ref _raw[j], in m, role, from, to, m.Clause, clauseDistance, minEnd))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCue(ref RawMatch c, in RawMatch signal, LexiconRole role, int from, int to, int clause, int clauseDistance, int minEnd)
    {
        if (c.Role != role || c.Suppressed || c.Start < from || c.Start > to)
        {
            return false;
        }

        var distance = c.Clause - clause;
        return minEnd != int.MinValue
            ? c.End > minEnd && distance >= 0 && distance <= clauseDistance
            : Math.Abs(distance) <= clauseDistance && !(c.Start >= signal.Start && c.End <= signal.End);
    }

    private void Report(ref RawMatch m, RiskLevel level)
    {
        if (_reportedCount == _reported.Length)
        {
            Array.Resize(ref _reported, _reported.Length * 2);
        }

        var start = _text.Starts[m.Start];
        var end = _text.Ends[m.End - 1];
        _reported[_reportedCount++] = new RiskMatchInfo(m.Pattern, m.Entry, start, end - start, level);
    }

    private static RiskLevel Min(RiskLevel a, RiskLevel b) => a <= b ? a : b;

    private struct RawMatch
    {
        public int Pattern;
        public int Entry;
        public LexiconRole Role;
        public int Start;
        public int End;
        public int Clause;
        public bool Suppressed;
        public bool SuppressedByHyperbole;
    }
}
