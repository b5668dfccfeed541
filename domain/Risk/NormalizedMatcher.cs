namespace ChatSupport.Domain.Risk;

/// <summary>Receives the matches of one <see cref="NormalizedMatcher.Run"/> pass; each scanner keeps its own checks.</summary>
internal interface IMatchSink
{
    /// <summary>Pattern <paramref name="pattern"/> matched normalized characters [start, end) in sentence <paramref name="clause"/>.</summary>
    void OnMatch(int pattern, int start, int end, int clause);
}

/// <summary>
/// The one matching pass shared by the risk and the understanding scanners: walks an automaton over a
/// normalized text, restarts at every clause break (no term spans 。！？ or a line break), and drops a match
/// whose small っ do not sit where the term has them (いっしょ is not いしょ, 負けて is not け(っ)て). It also
/// holds the word-edge tests both scanners use.
/// </summary>
internal static class NormalizedMatcher
{
    /// <summary>Runs the pass and returns the number of clauses (sentences) in the text.</summary>
    public static int Run<TSink>(AhoCorasickAutomaton automaton, NormalizedText text, ulong[] patternTsu, ref TSink sink)
        where TSink : IMatchSink, allows ref struct
    {
        var chars = text.Chars;
        var length = text.Length;
        var state = 0;
        var clause = 0;
        for (var k = 0; k < length; k++)
        {
            var c = chars[k];
            if (c == JapaneseNormalizer.ClauseBreak)
            {
                clause++;
                state = 0;
                continue;
            }

            state = automaton.Next(state, c);
            foreach (var p in automaton.Outputs(state))
            {
                var start = k + 1 - automaton.PatternLength(p);
                if (text.TsuInside(start, k + 1) != patternTsu[p])
                {
                    continue;
                }

                sink.OnMatch(p, start, k + 1, clause);
            }
        }

        return clause + 1;
    }

    /// <summary>A word may start here: text or sentence start, after dropped punctuation or space, or where ASCII and kana meet.</summary>
    public static bool EdgeBefore(NormalizedText text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var previous = text.Chars[start - 1];
        return previous == JapaneseNormalizer.ClauseBreak || text.Starts[start] != text.Ends[start - 1]
            || char.IsAsciiLetterOrDigit(previous) != char.IsAsciiLetterOrDigit(text.Chars[start]);
    }

    /// <summary>
    /// Text or sentence end, or something other than a small っ dropped by the normalizer right after (a space,
    /// punctuation, an emoji, a long-vowel mark): 死にてー。 ends there, 死にてった does not.
    /// </summary>
    public static bool BreakAfter(NormalizedText text, int end) =>
        end == text.Length || text.Chars[end] == JapaneseNormalizer.ClauseBreak
        || (text.Starts[end] != text.Ends[end - 1] && !text.TsuAfter[end - 1]);
}
