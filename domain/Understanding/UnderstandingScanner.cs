using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Understanding;

/// <summary>Summary of one understanding scan; intents and categories as bit masks over their enums.</summary>
public readonly record struct UnderstandingScanResult(
    uint IntentMask, uint CategoryMask, sbyte AgeBandValue, byte PrefectureNumber, PreferenceFlags Preferences, int CueCount)
{
    public bool Has(Intent intent) => (IntentMask & (1u << (int)intent)) != 0;

    public bool Has(SupportCategory category) => (CategoryMask & (1u << (int)category)) != 0;

    public AgeBand? AgeBand => AgeBandValue < 0 ? null : (AgeBand)AgeBandValue;

    /// <summary>JIS code ("01".."47") or null; allocates nothing (codes are interned).</summary>
    public string? PrefectureCode => PrefectureNumber == 0 ? null : UnderstandingScanner.PrefectureCodes[PrefectureNumber];
}

/// <summary>A reported cue of the last scan: the entry (or a built-in reader) and its span in the normalized text.</summary>
internal readonly record struct CueInfo(int Entry, int Start, int End, sbyte AgeBand);

/// <summary>
/// The hot path of understanding: reads the normalized text the risk scanner made, with its own automaton.
/// One per thread; after its buffers have grown, a scan allocates nothing.
/// </summary>
internal sealed class UnderstandingScanner
{
    /// <summary>Entry value of a cue that the number reader made (17歳, 19, 20代).</summary>
    public const int NumberAge = -1;

    private const int SubjectWindow = 3;
    private const int ResidenceWindow = 4;
    private const int OriginWindow = 6;

    internal static readonly string?[] PrefectureCodes =
        [null, .. Enumerable.Range(1, 47).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    private static readonly uint IntentsThatSpeak = ~(1u << (int)Intent.Other);

    /// <summary>Weak topics that tell about the writer's life on their own when nothing else is asked: school, family, work.</summary>
    private static readonly uint TopicsNamedInPassing =
        (1u << (int)SupportCategory.School) | (1u << (int)SupportCategory.Family) | (1u << (int)SupportCategory.Work);

    private readonly CompiledPatterns _patterns;
    private RawCue[] _raw = new RawCue[64];
    private int _rawCount;
    private CueInfo[] _cues = new CueInfo[32];
    private int _cueCount;
    private readonly TimeProvider _clock;

    /// <param name="clock">Gives the year in Japan, read only when a message gives a birth year (平成18年生まれ).</param>
    public UnderstandingScanner(CompiledPatterns patterns, TimeProvider clock)
    {
        _patterns = patterns;
        _clock = clock;
    }

    public ReadOnlySpan<CueInfo> Cues => _cues.AsSpan(0, _cueCount);

    public UnderstandingScanResult Scan(NormalizedText text, RiskLevel riskLevel, uint riskCategories, string? original = null)
    {
        _original = original;
        _rawCount = 0;
        _cueCount = 0;
        FindMatches(text);
        Suppress();
        return Score(text, riskLevel, riskCategories);
    }

    private void FindMatches(NormalizedText text)
    {
        var sink = new MatchSink(this, text);
        NormalizedMatcher.Run(_patterns.Automaton, text, _patterns.PatternTsu, ref sink);
    }

    private void OnMatch(NormalizedText text, int p, int start, int end, int clause)
    {
        var boundary = _patterns.PatternBoundaries[p];
        if ((boundary is PatternBoundary.Start or PatternBoundary.Both && !NormalizedMatcher.EdgeBefore(text, start))
            || (boundary is PatternBoundary.End or PatternBoundary.Both && !EdgeAfter(text, end)))
        {
            return;
        }

        if (_rawCount == _raw.Length)
        {
            Array.Resize(ref _raw, _raw.Length * 2);
        }

        _raw[_rawCount++] = new RawCue { Entry = _patterns.PatternEntries[p], Start = start, End = end, Clause = clause };
    }

    /// <summary>A word may end here: text or sentence end, dropped punctuation, ASCII, or a sentence-final particle.</summary>
    private static bool EdgeAfter(NormalizedText text, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        var next = text.Chars[end];
        return next == JapaneseNormalizer.ClauseBreak || text.Starts[end] != text.Ends[end - 1]
            || char.IsAsciiLetterOrDigit(next) != char.IsAsciiLetterOrDigit(text.Chars[end - 1])
            || next is 'ね' or 'よ' or 'わ' or 'な' or 'の' or 'か' or 'ぞ' or 'ぜ' or 'さ' or 'w';
    }

    /// <summary>A cue inside a longer overriding match (a mask, a longer place or age word) does not count.</summary>
    private void Suppress()
    {
        var window = _patterns.MaxPatternLength;
        for (var i = 0; i < _rawCount; i++)
        {
            ref var m = ref _raw[i];
            var first = i;
            while (first > 0 && _raw[first - 1].End == m.End)
            {
                first--;
            }

            for (var j = first; j < _rawCount; j++)
            {
                ref var o = ref _raw[j];
                if (o.End > m.End + window)
                {
                    break;
                }

                if (j != i && o.End >= m.End && o.Start <= m.Start && o.End - o.Start > m.End - m.Start
                    && _patterns.Overrides[o.Entry])
                {
                    m.Suppressed = true;
                    break;
                }
            }
        }
    }

    private UnderstandingScanResult Score(NormalizedText text, RiskLevel riskLevel, uint riskCategories)
    {
        uint intents = 0;
        uint categories = 0;
        uint weakCategories = 0;
        uint cancels = 0;
        var framed = false;
        var everyday = false;
        var strongTopic = riskLevel >= RiskLevel.Low;
        var preferences = PreferenceFlags.None;
        sbyte age = -1;
        var ageEnd = -1;
        var prefecture = 0;
        var prefectureSure = 0;
        var residence = false;
        var ambiguousPlace = false;

        for (var i = 0; i < _rawCount; i++)
        {
            ref var m = ref _raw[i];
            if (!m.Suppressed && _patterns.Roles[m.Entry] == PatternRole.Frame)
            {
                framed = true;
            }

            if (!m.Suppressed && _patterns.Roles[m.Entry] == PatternRole.Everyday)
            {
                everyday = true;
            }

            if (m.Suppressed || _patterns.Roles[m.Entry] != PatternRole.Cue)
            {
                continue;
            }

            var e = m.Entry;
            if (_patterns.NearPhone[e] && !Near(i, PatternRole.Phone, 0, int.MaxValue - _patterns.MaxPatternLength))
            {
                continue;
            }

            cancels |= _patterns.CancelMasks[e];
            var entryAge = _patterns.AgeBands[e];
            if (entryAge >= 0)
            {
                // The last age the writer gives about themselves wins (弟が不登校…私は大学生です).
                if (!AfterOtherSubject(i) && !HearsayAfter(text, m.End))
                {
                    age = entryAge;
                    ageEnd = m.End;
                    Report(e, m.Start, m.End, entryAge);
                }

                continue;
            }

            var place = _patterns.Prefectures[e];
            if (place != 0)
            {
                // Where the writer lives wins; a place said as where they come from counts only when nothing else does.
                var lives = Near(i, PatternRole.Residence, m.End, m.End + ResidenceWindow);
                var origin = !lives && (Near(i, PatternRole.Origin, m.Start - OriginWindow, m.End + OriginWindow));
                var rank = lives ? 3 : origin ? 1 : 2;
                if (rank > prefectureSure)
                {
                    prefecture = place;
                    prefectureSure = rank;
                    ambiguousPlace = false;
                    residence = lives;
                }
                else if (rank == prefectureSure && place != prefecture && !residence)
                {
                    ambiguousPlace = true;
                }

                Report(e, m.Start, m.End, -1);
                continue;
            }

            intents |= _patterns.IntentMasks[e];
            preferences |= _patterns.Preferences[e];
            if (_patterns.Weak[e])
            {
                weakCategories |= _patterns.CategoryMasks[e];
            }
            else
            {
                categories |= _patterns.CategoryMasks[e];
                strongTopic |= _patterns.CategoryMasks[e] != 0 && !_patterns.Reason[e];
            }

            Report(e, m.Start, m.End, -1);
        }

        var numberAge = ReadNumberAge(text, out var numberEnd, out var eighteen);
        var wordAge = age;
        if (numberAge >= 0 && numberEnd > ageEnd)
        {
            age = numberAge;
        }

        if (eighteen && age == (sbyte)AgeBand.YoungAdult && wordAge == (sbyte)AgeBand.HighSchool)
        {
            // 18 is high school only when the writer says they are a student there (高3です。18になったら…).
            age = (sbyte)AgeBand.HighSchool;
        }

        // Risk categories, less those a more specific pattern takes back (dv for a partner's 殴られた).
        categories |= riskCategories & ~(cancels & ~categories);

        if (framed && riskLevel < RiskLevel.High)
        {
            // A story, the news or homework: topic words are not the writer's situation.
            categories = 0;
            weakCategories = 0;
            strongTopic = false;
            intents &= ~(1u << (int)Intent.Disclosure);
        }

        // A topic, or a bare self-introduction (鹿児島の中1です), tells about the writer's situation; so does a school,
        // family or work word when the message asks nothing (シフト勝手に入れられる, 義父と二人になるのがいや): the
        // writer is telling about their life, and the weak word gives only its own category (never bullying or abuse).
        // A hello before it does not change that (おはよ。今日も学校休んだ, round 9); a hello with only an age or a
        // place stays a hello (はじめまして。大阪の高1です).
        var asksNothing = !framed && (intents & IntentsThatSpeak) == 0;
        if (strongTopic || (asksNothing && (age >= 0 || prefecture != 0)))
        {
            intents |= 1u << (int)Intent.Disclosure;
        }
        else if (!framed && (intents & IntentsThatSpeak & ~(1u << (int)Intent.Greeting)) == 0 && !everyday
            && (weakCategories & TopicsNamedInPassing) != 0)
        {
            intents |= 1u << (int)Intent.Disclosure;
            weakCategories &= TopicsNamedInPassing;
        }

        if ((intents & (1u << (int)Intent.Disclosure)) != 0)
        {
            categories |= weakCategories;
        }
        else
        {
            // A weak topic word without a disclosure produced nothing; do not report it.
            var kept = 0;
            for (var i = 0; i < _cueCount; i++)
            {
                var cue = _cues[i];
                if (cue.Entry < 0 || !_patterns.Weak[cue.Entry] || _patterns.IntentMasks[cue.Entry] != 0
                    || _patterns.Preferences[cue.Entry] != PreferenceFlags.None)
                {
                    _cues[kept++] = cue;
                }
            }

            _cueCount = kept;
        }

        if ((intents & (1u << (int)Intent.CannotCall)) != 0)
        {
            preferences |= PreferenceFlags.CannotCall | PreferenceFlags.PrefersText;
        }

        if ((intents & IntentsThatSpeak) == 0)
        {
            intents = 1u << (int)Intent.Other;
        }

        return new UnderstandingScanResult(intents, categories, age, ambiguousPlace ? (byte)0 : (byte)prefecture, preferences, _cueCount);
    }

    /// <summary>Whether another person is the subject just before cue <paramref name="i"/> in its sentence (兄が大学生).</summary>
    private bool AfterOtherSubject(int i)
    {
        var m = _raw[i];
        for (var j = i - 1; j >= 0 && _raw[j].End >= m.Start - SubjectWindow; j--)
        {
            ref var o = ref _raw[j];
            if (!o.Suppressed && _patterns.Roles[o.Entry] == PatternRole.OtherSubject && o.Clause == m.Clause && o.End <= m.Start)
            {
                return true;
            }
        }

        return false;
    }

    private bool Near(int i, PatternRole role, int from, int to)
    {
        var m = _raw[i];
        var window = _patterns.MaxPatternLength;
        for (var j = 0; j < _rawCount; j++)
        {
            ref var o = ref _raw[j];
            if (o.End > to + window)
            {
                break;
            }

            if (!o.Suppressed && _patterns.Roles[o.Entry] == role && o.Clause == m.Clause && o.Start >= from && o.Start <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Ages written as numbers: 17歳, 17才, １７さい, 二十歳 are always ages; 20代 a decade; a bare 17 only when it
    /// stands alone (17、東京) or is followed by です or の男/の女 — never 3年, 10時, 5万円 or the 2 of 中2.
    /// </summary>
    // The message as written, for what the normalizer drops (a % after a number).
    private string? _original;

    /// <summary>Whether the number ending at normalized <paramref name="end"/> is followed by a percent sign in the message as written (充電20%).</summary>
    private bool PercentAfter(NormalizedText text, int end)
    {
        if (_original is null || end == 0)
        {
            return false;
        }

        var at = text.Ends[end - 1];
        while (at < _original.Length && _original[at] is ' ' or '\u3000')
        {
            at++;
        }

        return at < _original.Length && (_original[at] is '%' or '％' || _original.AsSpan(at).StartsWith("パー", StringComparison.Ordinal));
    }

    private sbyte ReadNumberAge(NormalizedText text, out int ageEnd, out bool eighteen)
    {
        ageEnd = -1;
        eighteen = false;
        var chars = text.Chars;
        var length = text.Length;
        sbyte found = -1;
        var foundStart = 0;
        var k = 0;
        while (k < length)
        {
            if (!IsNumeral(chars[k]))
            {
                k++;
                continue;
            }

            var start = k;
            while (k < length && IsNumeral(chars[k]))
            {
                k++;
            }

            var end = k;
            var born = BirthYearBand(text, start, end);
            if (born >= 0)
            {
                if (!OtherSubjectBefore(text, start))
                {
                    found = born;
                    ageEnd = end;
                    foundStart = start;
                }

                continue;
            }

            if (end - start > 3 || !TryParseNumber(chars.AsSpan(start, end - start), out var value))
            {
                continue;
            }

            if (start > 0 && chars[start - 1] is '中' or '高' or '小' or '大' or '第' && text.Starts[start] == text.Ends[start - 1])
            {
                continue;
            }

            if (PercentAfter(text, end))
            {
                // 充電あと30%, 30パー: a share, not an age.
                continue;
            }

            var next = end < length ? chars[end] : JapaneseNormalizer.ClauseBreak;
            sbyte band = -1;
            if (next is '歳' or '才' || (next == 'さ' && end + 1 < length && chars[end + 1] == 'い'))
            {
                if (value is >= JapaneseAnswers.MinAge and <= JapaneseAnswers.MaxAge)
                {
                    band = (sbyte)AgeBands.FromAge(value);
                }
            }
            else if (next == '代')
            {
                band = value switch
                {
                    20 => (sbyte)AgeBand.YoungAdult,
                    >= 30 and <= 90 when value % 10 == 0 => (sbyte)AgeBand.Adult,
                    _ => -1,
                };
            }
            else if (value is >= 10 and <= 39 && !IsKanjiNumeral(chars[start])
                && (Follows(text, end, "です") || Follows(text, end, "の男") || Follows(text, end, "の女")
                    || (NormalizedMatcher.EdgeBefore(text, start) && (end == length || next == JapaneseNormalizer.ClauseBreak || text.Starts[end] != text.Ends[end - 1]))))
            {
                band = (sbyte)AgeBands.FromAge(value);
            }

            if (band >= 0 && (OtherSubjectBefore(text, start) || HearsayAfter(text, end)))
            {
                // Someone else's age (兄が19歳, ゲームの人が20歳って言ってる), not the writer's.
                band = -1;
            }

            if (band == (sbyte)AgeBand.HighSchool && value == 18)
            {
                // The README: 16–18 is high school when said as a student; a bare 18 (18でフリーター) is 18–29.
                band = (sbyte)AgeBand.YoungAdult;
            }

            if (band >= 0)
            {
                // The last number age wins, like the words (前は17歳…今は19).
                eighteen = band == (sbyte)AgeBand.YoungAdult && value == 18;
                found = band;
                ageEnd = end;
                foundStart = start;
            }
        }

        if (found >= 0)
        {
            Report(NumberAge, foundStart, ageEnd, found);
        }

        return found;
    }

    /// <summary>Whether another person is the subject shortly before <paramref name="start"/> in the same sentence (兄が19歳).</summary>
    private bool OtherSubjectBefore(NormalizedText text, int start)
    {
        for (var j = 0; j < _rawCount; j++)
        {
            ref var o = ref _raw[j];
            if (!o.Suppressed && _patterns.Roles[o.Entry] == PatternRole.OtherSubject && o.End <= start && o.End >= start - SubjectWindow
                && text.Chars.AsSpan(o.End, start - o.End).IndexOf(JapaneseNormalizer.ClauseBreak) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the age is reported speech (19歳って言ってる, 20歳らしい, 18だって): someone else's claim.</summary>
    private static bool HearsayAfter(NormalizedText text, int end)
    {
        var at = end;
        if (at < text.Length && text.Chars[at] is '歳' or '才')
        {
            at++;
        }
        else if (Follows(text, at, "さい"))
        {
            at += 2;
        }

        // The normalizer drops っ, so って言ってる reads as て言てる.
        return Follows(text, at, "て言") || Follows(text, at, "ていう") || Follows(text, at, "ていわ") || Follows(text, at, "らしい")
            || Follows(text, at, "だて") || Follows(text, at, "とか言") || Follows(text, at, "と言") || Follows(text, at, "て聞")
            || Follows(text, at, "て書") || Follows(text, at, "の人");
    }

    /// <summary>
    /// The band of a birth year said by the writer (平成18年生まれ, h21生まれ, 2011年生まれ, 07年生まれ), from the
    /// current year in Japan (the age reached this year); -1 when the number is not a birth year.
    /// </summary>
    private sbyte BirthYearBand(NormalizedText text, int start, int end)
    {
        var at = end;
        if (Follows(text, at, "年"))
        {
            at++;
        }

        if (!Follows(text, at, "生まれ") && !Follows(text, at, "うまれ") && !Follows(text, at, "生れ"))
        {
            return -1;
        }

        var chars = text.Chars;
        if (!TryParseNumber(chars.AsSpan(start, end - start), out var value))
        {
            return -1;
        }

        int born;
        if (start >= 2 && chars.AsSpan(start - 2, 2).SequenceEqual("平成"))
        {
            born = 1988 + value;
        }
        else if (start >= 2 && chars.AsSpan(start - 2, 2).SequenceEqual("令和"))
        {
            born = 2018 + value;
        }
        else if (start >= 1 && chars[start - 1] == 'h' && end - start <= 2)
        {
            born = 1988 + value;
        }
        else if (end - start == 4 && value is >= 1900 and <= 2100)
        {
            born = value;
        }
        else if (end - start == 2 && char.IsAsciiDigit(chars[start]) && NormalizedMatcher.EdgeBefore(text, start))
        {
            born = value < 50 ? 2000 + value : 1900 + value;
        }
        else
        {
            return -1;
        }

        var age = _clock.GetUtcNow().ToOffset(JapanOffset).Year - born;
        return age is >= JapaneseAnswers.MinAge and <= JapaneseAnswers.MaxAge ? (sbyte)AgeBands.FromAge(age) : (sbyte)-1;
    }

    private static bool Follows(NormalizedText text, int at, string word) =>
        at + word.Length <= text.Length && text.Chars.AsSpan(at, word.Length).SequenceEqual(word);

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || IsKanjiNumeral(c);

    private static bool IsKanjiNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '〇';

    private static bool TryParseNumber(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (char.IsAsciiDigit(s[0]))
        {
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        // Kanji numerals up to 九十九: 十七, 二十, 二十三.
        var tens = 0;
        var units = 0;
        var sawTen = false;
        foreach (var c in s)
        {
            var digit = "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '十')
            {
                if (sawTen)
                {
                    return false;
                }

                tens = units == 0 ? 1 : units;
                units = 0;
                sawTen = true;
            }
            else if (digit >= 0)
            {
                units = (units * 10) + digit;
            }
            else
            {
                return false;
            }
        }

        value = (tens * 10) + units;
        return value > 0;
    }

    private void Report(int entry, int start, int end, sbyte age)
    {
        if (_cueCount == _cues.Length)
        {
            Array.Resize(ref _cues, _cues.Length * 2);
        }

        _cues[_cueCount++] = new CueInfo(entry, start, end, age);
    }

    private readonly struct MatchSink(UnderstandingScanner owner, NormalizedText text) : IMatchSink
    {
        public void OnMatch(int pattern, int start, int end, int clause) => owner.OnMatch(text, pattern, start, end, clause);
    }

    private struct RawCue
    {
        public int Entry;
        public int Start;
        public int End;
        public int Clause;
        public bool Suppressed;
    }
}
