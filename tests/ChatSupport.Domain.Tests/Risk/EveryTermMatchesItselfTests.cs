using System.Text;
using ChatSupport.Domain.Risk;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 7 of issue #12: every term of every lexicon file (entries, cue classes, with-terms, stems × endings), typed
/// alone as a young person would type it, must be found as itself: the normalizer must not fold it into something the
/// automaton never sees, the word boundaries must let it match at the start and end of a message, a longer mask or
/// phrase must not cancel it, and a signal must keep its own level (a negation or past marker inside the term itself
/// would lower it wherever it is written). Terms meant only inside a context are named in <see cref="Exceptions"/>
/// with the reason.
/// </summary>
public class EveryTermMatchesItselfTests(ITestOutputHelper output)
{
    /// <summary>(entry id, term as written after expansion) → why the term alone is not found as itself.</summary>
    private static readonly Dictionary<(string Entry, string Term), string> Exceptions = new()
    {
    };

    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Fact]
    public void EveryTerm_TypedAlone_IsFoundAsItself()
    {
        var lexicon = Engine.Lexicon;
        var scanner = Engine.CreateScanner();
        var failures = new List<string>();
        var checkedTerms = 0;
        var usedExceptions = new HashSet<(string, string)>();
        for (var e = 0; e < lexicon.Entries.Count; e++)
        {
            var entry = lexicon.Entries[e];
            foreach (var term in entry.Terms)
            {
                checkedTerms++;
                var text = entry.With.Count > 0 ? term + "、" + entry.With[0] : term;
                var why = Check(scanner, lexicon, e, text, with: false);
                if (why is null)
                {
                    continue;
                }

                if (Exceptions.ContainsKey((entry.Id, term)))
                {
                    usedExceptions.Add((entry.Id, term));
                    continue;
                }

                failures.Add($"{entry.Id}: '{term}' → '{JapaneseNormalizer.NormalizeToString(term)}': {why}");
            }

            foreach (var term in entry.Terms)
            {
                var lost = FoldedAway(term);
                if (lost < 0)
                {
                    continue;
                }

                // The term without its stretched tail is another, shorter word (あるけ of あるけど): it must not be
                // found as this entry, unless the entry lists that shorter word itself.
                var shorter = term[..lost];
                var shorterNormalized = JapaneseNormalizer.NormalizeToString(shorter);
                scanner.Scan(shorter);
                if (!scanner.MatchedEntry(e, with: false, out _)
                    || entry.Terms.Any(t => FoldedAway(t) < 0 && shorterNormalized.Contains(JapaneseNormalizer.NormalizeToString(t), StringComparison.Ordinal)))
                {
                    continue;
                }

                if (Exceptions.ContainsKey((entry.Id, term)))
                {
                    usedExceptions.Add((entry.Id, term));
                    continue;
                }

                failures.Add($"{entry.Id}: '{term}' → '{JapaneseNormalizer.NormalizeToString(term)}': its '{term[lost]}' (at {lost}) folds away, so the term is found in the shorter '{term[..lost]}'");
            }

            foreach (var with in entry.With)
            {
                checkedTerms++;
                var why = Check(scanner, lexicon, e, entry.Terms[0] + "、" + with, with: true);
                if (why is not null && !Exceptions.ContainsKey((entry.Id, with)))
                {
                    failures.Add($"{entry.Id} (with): '{with}' → '{JapaneseNormalizer.NormalizeToString(with)}': {why}");
                }
                else if (why is not null)
                {
                    usedExceptions.Add((entry.Id, with));
                }
            }
        }

        output.WriteLine($"{checkedTerms} terms checked, {failures.Count} not found as themselves, {usedExceptions.Count} named exceptions.");
        var report = new StringBuilder();
        foreach (var f in failures.Take(20000))
        {
            report.AppendLine(f);
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, $"{failures.Count} terms are not found as themselves:\n{report}");
        var stale = Exceptions.Keys.Where(k => !usedExceptions.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Named exceptions that now match (remove them): " + string.Join(", ", stale));
    }

    /// <summary>
    /// The index of a full-size kana at the end of the term that the normalizer drops (a vowel read as a stretch:
    /// ぜんぶう is ぜんぶ, あるけえ is あるけ), or -1. Such a term is found wherever the shorter word is:
    /// (全部|ぜんぶ)(売|う)… once made every ぜんぶ a cue, and あるけえ is found in あるけど. (A vowel folded inside a term
    /// folds the same way in the message, so the term still needs what follows it.)
    /// </summary>
    private static int FoldedAway(string term)
    {
        var normalized = JapaneseNormalizer.NormalizeToString(term);
        var lost = -1;
        for (var k = term.Length - 1; k > 0; k--)
        {
            if (JapaneseNormalizer.NormalizeToString(term[..k]) != normalized)
            {
                break;
            }

            if (IsFullSizeKana(term[k]))
            {
                lost = k;
            }
        }

        return lost;
    }

    // Full-size hiragana and katakana letters; small kana, っ and the long-vowel mark are meant to fold.
    private static bool IsFullSizeKana(char c) =>
        c is >= 'あ' and <= 'ゖ' or >= 'ア' and <= 'ヺ' && "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ".IndexOf(c, StringComparison.Ordinal) < 0;

    private static string? Check(RiskScanner scanner, RiskLexicon lexicon, int e, string text, bool with)
    {
        var entry = lexicon.Entries[e];
        var result = scanner.Scan(text);
        if (!scanner.MatchedEntry(e, with, out var suppressed))
        {
            return "not matched (folded away, or a word boundary or guard refuses it)";
        }

        if (suppressed)
        {
            return "cancelled (a longer mask or phrase, or a negation right after a negatable cue)";
        }

        if (with)
        {
            return null;
        }

        if (entry.Role == LexiconRole.Cue && !result.CueMask.Has(lexicon.CueClasses.ToList().IndexOf(entry.CueClass!)))
        {
            return "its cue class is missing from the result";
        }

        if (entry.Role == LexiconRole.Signal && entry.Level > RiskLevel.None)
        {
            var best = RiskLevel.None;
            var reported = false;
            foreach (var m in scanner.Matches)
            {
                if (m.Entry == e)
                {
                    reported = true;
                    best = RiskLevels.Max(best, m.Level);
                }
            }

            if (!reported)
            {
                return $"not reported (rules {result.Rules})";
            }

            if (best < entry.Level)
            {
                return $"reported at {best}, below its level {entry.Level} (rules {result.Rules})";
            }
        }

        return null;
    }
}
