using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatSupport.Domain.Risk;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// probe.jsonl: 100 messages written for this project independently of dev.jsonl (spelling games, slang,
/// methods, hyperbole, ordinary chat that contains risky substrings). Used while building the lexicon,
/// so it is a regression set, not a held-out one.
/// </summary>
public class ProbeSetTests(ITestOutputHelper output)
{
    [Fact]
    public void ProbeSet_StaysAboveTheFloor()
    {
        var engine = RiskEngine.CreateDefault();
        var evaluation = new RiskEvaluation();
        foreach (var line in File.ReadLines(ProbePath()).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            Assert.True(RiskLevels.TryParse(doc.RootElement.GetProperty("level").GetString(), out var gold));
            evaluation.Add(gold, engine.Assess(doc.RootElement.GetProperty("text").GetString()!).Level);
        }

        output.WriteLine(evaluation.Format());
        Assert.True(evaluation.HighRecall >= 0.97);
        Assert.True(evaluation.CriticalRecall >= 0.85);
        Assert.True(evaluation.LowFlaggedHigh <= 0.05);
    }

    private static string ProbePath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "probe.jsonl");
}
