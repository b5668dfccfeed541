using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ChatSupport.Domain.Triage;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Triage;

/// <summary>
/// ETH-05, measured: the redactor over a labelled corpus written for this project (RedactionCorpus/*.txt). Each line is
/// one conversation; <c>⟦…⟧</c> marks personal data that must be masked, <c>⟪…⟫</c> a harmless word that looks like
/// personal data (中2, 山登り, 田舎, お母さん …) and must stay, and <c>" || "</c> separates messages of the same
/// conversation (a name given earlier must be masked when it comes back). Printed: span recall (a span counts only when
/// every character of it is masked), the share of harmless look-alike words that were touched by a mask, and the masks
/// that cover no marked span. tune.txt is what the rules were written against; holdout.txt to holdout6.txt
/// were each written apart before the rule changes that followed them, and their first measurements
/// are in docs/triage.md (the gaps each showed were fixed by class with new tuning lines, never with held-out lines).
/// </summary>
public sealed class RedactionCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        var tune = Measure("tune.txt");
        output.WriteLine(tune.Format("tune"));
        Assert.True(tune.Lines >= 200, $"the tuning corpus has {tune.Lines} lines; it must keep at least 200");
        Assert.True(tune.Recall >= 0.98, $"span recall {tune.Recall:0.000} is below the floor 0.98");
        Assert.True(tune.DecoyMaskedShare <= 0.02, $"{tune.DecoyMaskedShare:0.000} of the harmless look-alike words were masked");
    }

    [Fact]
    public void HeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        var holdout = Measure("holdout.txt");
        output.WriteLine(holdout.Format("held out"));
        Assert.True(holdout.Lines >= 50, $"the held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.93, $"held-out span recall {holdout.Recall:0.000} is below 0.93");
        Assert.True(holdout.DecoyMaskedShare <= 0.05, $"{holdout.DecoyMaskedShare:0.000} of the held-out harmless words were masked");
    }

    [Fact]
    public void SecondHeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        // Written after every rule change and measured once; the floors only guard against regressions.
        var holdout = Measure("holdout2.txt");
        output.WriteLine(holdout.Format("second held out"));
        Assert.True(holdout.Lines >= 50, $"the second held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.90, $"second held-out span recall {holdout.Recall:0.000} is below 0.90");
        Assert.True(holdout.DecoyMaskedShare <= 0.10, $"{holdout.DecoyMaskedShare:0.000} of the second held-out harmless words were masked");
    }

    [Fact]
    public void ThirdHeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        // First measured before any rule change for it (0.688); the classes it showed missing were then fixed with new
        // tuning lines, so this floor guards the fixes against regressions and is no longer an independent figure.
        var holdout = Measure("holdout3.txt");
        output.WriteLine(holdout.Format("third held out"));
        Assert.True(holdout.Lines >= 100, $"the third held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.98, $"third held-out span recall {holdout.Recall:0.000} is below 0.98");
        Assert.True(holdout.DecoyMaskedShare <= 0.02, $"{holdout.DecoyMaskedShare:0.000} of the third held-out harmless words were masked");
    }

    [Fact]
    public void FourthHeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        // Written after the holdout3 fixes and first measured at 0.797; three general gaps it showed were fixed
        // afterwards (docs/triage.md). What it still misses is names outside the lists: the floor guards regressions.
        var holdout = Measure("holdout4.txt");
        output.WriteLine(holdout.Format("fourth held out"));
        Assert.True(holdout.Lines >= 80, $"the fourth held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.85, $"fourth held-out span recall {holdout.Recall:0.000} is below 0.85");
        Assert.True(holdout.DecoyMaskedShare <= 0.02, $"{holdout.DecoyMaskedShare:0.000} of the fourth held-out harmless words were masked");
    }

    [Fact]
    public void FifthHeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        // Written before the rule changes of the fifth round and first measured at 0.608 (docs/triage.md); the classes
        // it showed missing were then fixed with new tuning lines, so this floor guards regressions, not unseen text.
        var holdout = Measure("holdout5.txt");
        output.WriteLine(holdout.Format("fifth held out"));
        Assert.True(holdout.Lines >= 100, $"the fifth held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.93, $"fifth held-out span recall {holdout.Recall:0.000} is below 0.93");
        Assert.True(holdout.DecoyMaskedShare <= 0.02, $"{holdout.DecoyMaskedShare:0.000} of the fifth held-out harmless words were masked");
    }

    [Fact]
    public void SixthHeldOut_SpanRecallHoldsAndHarmlessWordsStay_ETH05()
    {
        // Written after every rule change of the fifth round and measured once: 0.923, 0.058 of the harmless words
        // masked (Tokyo ni, Minecraft ni, 本田翼; docs/triage.md); never tuned to. The floors guard regressions.
        var holdout = Measure("holdout6.txt");
        output.WriteLine(holdout.Format("sixth held out"));
        Assert.True(holdout.Lines >= 80, $"the sixth held-out corpus has {holdout.Lines} lines");
        Assert.True(holdout.Recall >= 0.92, $"sixth held-out span recall {holdout.Recall:0.000} is below 0.92");
        Assert.True(holdout.DecoyMaskedShare <= 0.06, $"{holdout.DecoyMaskedShare:0.000} of the sixth held-out harmless words were masked");
    }

    [Fact]
    public void Corpus_MarkersParse()
    {
        var (text, gold, decoys) = Parse("⟦田中⟧さんと⟪中2⟫の⟦090-1234-5678⟧");
        Assert.Equal("田中さんと中2の090-1234-5678", text);
        Assert.Equal([(0, 2), (8, 13)], gold);
        Assert.Equal([(5, 2)], decoys);
    }

    internal static CorpusFigures Measure(string file)
    {
        var figures = new CorpusFigures();
        foreach (var raw in File.ReadAllLines(CorpusPath(file)))
        {
            if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith('#'))
            {
                continue;
            }

            figures.Lines++;
            var context = new RedactionContext();
            foreach (var message in raw.Split(" || "))
            {
                var (text, gold, decoys) = Parse(message);
                var spans = Redactor.Find(text, context);
                var masked = new bool[text.Length];
                foreach (var s in spans)
                {
                    Array.Fill(masked, true, s.Start, s.Length);
                }

                foreach (var (start, length) in gold)
                {
                    figures.Gold++;
                    if (Enumerable.Range(start, length).All(i => masked[i]))
                    {
                        figures.Covered++;
                    }
                    else
                    {
                        figures.Misses.Add($"missed {text.Substring(start, length)} in: {text}");
                    }
                }

                foreach (var (start, length) in decoys)
                {
                    figures.Decoys++;
                    if (Enumerable.Range(start, length).Any(i => masked[i]))
                    {
                        figures.DecoysMasked++;
                        figures.Misses.Add($"masked harmless {text.Substring(start, length)} in: {text}");
                    }
                }

                foreach (var s in spans)
                {
                    if (!gold.Any(g => g.Start < s.End && s.Start < g.Start + g.Length))
                    {
                        figures.UnmarkedMasks++;
                        figures.Misses.Add($"masked unmarked {text.Substring(s.Start, s.Length)} ({s.Kind}) in: {text}");
                    }
                }
            }
        }

        return figures;
    }

    internal static (string Text, List<(int Start, int Length)> Gold, List<(int Start, int Length)> Decoys) Parse(string line)
    {
        var text = new StringBuilder();
        var gold = new List<(int, int)>();
        var decoys = new List<(int, int)>();
        var open = -1;
        foreach (var c in line)
        {
            switch (c)
            {
                case '⟦' or '⟪':
                    open = text.Length;
                    break;
                case '⟧':
                    gold.Add((open, text.Length - open));
                    break;
                case '⟫':
                    decoys.Add((open, text.Length - open));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return (text.ToString(), gold, decoys);
    }

    private static string CorpusPath(string file, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "RedactionCorpus", file);

    internal sealed class CorpusFigures
    {
        public int Lines { get; set; }

        public int Gold { get; set; }

        public int Covered { get; set; }

        public int Decoys { get; set; }

        public int DecoysMasked { get; set; }

        public int UnmarkedMasks { get; set; }

        public List<string> Misses { get; } = [];

        public double Recall => Gold == 0 ? 1 : (double)Covered / Gold;

        public double DecoyMaskedShare => Decoys == 0 ? 0 : (double)DecoysMasked / Decoys;

        public string Format(string name)
        {
            var b = new StringBuilder();
            b.AppendLine(string.Create(CultureInfo.InvariantCulture, $"redaction corpus {name}: {Lines} lines, span recall {Recall:0.000} ({Covered}/{Gold}), harmless words masked {DecoyMaskedShare:0.000} ({DecoysMasked}/{Decoys}), masks over unmarked text {UnmarkedMasks}"));
            foreach (var miss in Misses)
            {
                b.AppendLine("  " + miss);
            }

            return b.ToString();
        }
    }
}
