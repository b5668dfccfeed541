using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Understanding;

/// <summary>The patterns turned into flat arrays and one automaton over their normalized terms; immutable, shared.</summary>
internal sealed class CompiledPatterns
{
    public CompiledPatterns(UnderstandingPatterns patterns)
    {
        Patterns = patterns;
        var entries = patterns.Entries;
        EntryCount = entries.Count;
        Roles = new PatternRole[EntryCount];
        IntentMasks = new uint[EntryCount];
        CategoryMasks = new uint[EntryCount];
        AgeBands = new sbyte[EntryCount];
        Prefectures = new byte[EntryCount];
        Preferences = new PreferenceFlags[EntryCount];
        Weak = new bool[EntryCount];
        NearPhone = new bool[EntryCount];
        Reason = new bool[EntryCount];
        Overrides = new bool[EntryCount];
        CancelMasks = new uint[EntryCount];

        var terms = new List<string>();
        var patternEntries = new List<int>();
        var boundaries = new List<PatternBoundary>();
        var swallowed = new List<string>();
        var tsu = new List<ulong>();
        var tsuBuffer = new NormalizedText();
        for (var e = 0; e < EntryCount; e++)
        {
            var entry = entries[e];
            Roles[e] = entry.Role;
            foreach (var i in entry.Intents)
            {
                IntentMasks[e] |= 1u << (int)i;
            }

            foreach (var c in entry.Categories)
            {
                CategoryMasks[e] |= 1u << (int)c;
            }

            AgeBands[e] = entry.AgeBand is { } band ? (sbyte)band : (sbyte)-1;
            Prefectures[e] = entry.PrefectureCode is { } code ? byte.Parse(code, System.Globalization.CultureInfo.InvariantCulture) : (byte)0;
            Preferences[e] = entry.Preferences;
            Weak[e] = entry.Weak;
            NearPhone[e] = entry.NearPhone;
            Reason[e] = entry.Reason;
            Overrides[e] = entry.Overrides;
            foreach (var c in entry.Cancels ?? [])
            {
                CancelMasks[e] |= 1u << (int)c;
            }

            foreach (var term in entry.Terms)
            {
                if (HasKanaRunOfThree(term))
                {
                    // An expansion that joins alternatives into three of one kana (母|はは + は → ははは, また + たたく
                    // → またたたく) collapses to one kana when normalized, so 「ははは怖」 would read as 「は怖」 and fire on
                    // 「通話は怖い」, 「またたたく」 as 「またく」 on 「またくるね」 (round 10). Such an expansion is left out.
                    continue;
                }

                var normalized = JapaneseNormalizer.NormalizeToString(term);
                if (normalized.Length == 0 || normalized.Contains(JapaneseNormalizer.ClauseBreak))
                {
                    throw new InvalidDataException(
                        $"Pattern entry '{entry.Id}': term '{term}' is empty or spans a sentence end after normalization; write it without 。！？ or line breaks.");
                }

                if (term.Length > 2 && JapaneseNormalizer.NormalizeToString(term[..^2]) == normalized)
                {
                    // 「話してええ」 normalizes to 「話して」 (ええ reads as a stretched て), so it would fire on
                    // 「話してない」; a term whose last two characters are swallowed matches far more than it says.
                    swallowed.Add($"'{entry.Id}': '{term}' → '{normalized}'");
                }

                var boundary = entry.Boundary;
                if (normalized.All(char.IsAsciiLetterOrDigit))
                {
                    boundary = PatternBoundary.Both;
                }
                else if (boundary == PatternBoundary.Auto)
                {
                    boundary = normalized.Length <= 2 && normalized.All(IsKana) ? PatternBoundary.Both : PatternBoundary.None;
                }

                terms.Add(normalized);
                patternEntries.Add(e);
                boundaries.Add(boundary);
                JapaneseNormalizer.Normalize(term, tsuBuffer);
                tsu.Add(tsuBuffer.TsuInside(0, tsuBuffer.Length));
                MaxPatternLength = Math.Max(MaxPatternLength, normalized.Length);
            }
        }

        if (swallowed.Count > 0)
        {
            throw new InvalidDataException(
                "These pattern terms end in a stretch and lose their last characters when normalized; write them so the end counts (for example with も: してもええ): "
                + string.Join("; ", swallowed));
        }

        Automaton = new AhoCorasickAutomaton(terms);
        PatternEntries = [.. patternEntries];
        PatternBoundaries = [.. boundaries];
        PatternTsu = [.. tsu];
    }

    /// <summary>Per pattern: where the term itself had a small っ (as in <see cref="NormalizedText.TsuInside"/>).</summary>
    public ulong[] PatternTsu { get; }

    public UnderstandingPatterns Patterns { get; }

    public int EntryCount { get; }

    public PatternRole[] Roles { get; }

    public uint[] IntentMasks { get; }

    public uint[] CategoryMasks { get; }

    /// <summary>The <see cref="Directory.AgeBand"/> of an entry, or -1.</summary>
    public sbyte[] AgeBands { get; }

    /// <summary>The prefecture number 1–47 of an entry, or 0.</summary>
    public byte[] Prefectures { get; }

    public PreferenceFlags[] Preferences { get; }

    public bool[] Weak { get; }

    /// <summary>Categories given as the reason for an ask, not as a disclosure (see <see cref="PatternEntry.Reason"/>).</summary>
    public bool[] Reason { get; }

    /// <summary>Per entry: counts only with a phone mention in the same sentence.</summary>
    public bool[] NearPhone { get; }

    public bool[] Overrides { get; }

    public uint[] CancelMasks { get; }

    public AhoCorasickAutomaton Automaton { get; }

    public int[] PatternEntries { get; }

    public PatternBoundary[] PatternBoundaries { get; }

    public int MaxPatternLength { get; }

    /// <summary>Whether the term (katakana read as hiragana) has three of one kana in a row, which the normalizer collapses.</summary>
    private static bool HasKanaRunOfThree(string term)
    {
        var run = 0;
        var previous = '\0';
        foreach (var raw in term)
        {
            var c = raw is >= '\u30A1' and <= '\u30F6' ? (char)(raw - 0x60) : raw;
            run = c == previous && c is >= '\u3041' and <= '\u3096' ? run + 1 : 1;
            if (run == 3)
            {
                return true;
            }

            previous = c;
        }

        return false;
    }

    internal static bool IsKana(char c) => c is >= '\u3041' and <= '\u309F';
}
