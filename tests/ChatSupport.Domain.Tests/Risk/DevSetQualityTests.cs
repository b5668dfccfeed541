using System.Text.Json;
using ChatSupport.Domain.Risk;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The quality floor on ../shared/risk/dev.jsonl. The file lives outside the repository; it is found by
/// walking up from the test binaries and looking at each ancestor and its sibling <c>shared</c> folder.
/// </summary>
public class DevSetQualityTests(ITestOutputHelper output)
{
    private const double HighRecallFloor = 0.97;
    private const double CriticalRecallFloor = 0.85;
    private const double LowFlaggedCeiling = 0.05;

    [Fact]
    public void DevSet_MeetsTheQualityFloor()
    {
        var path = FindDevSet();
        Assert.True(path is not null, "shared/risk/dev.jsonl not found above " + AppContext.BaseDirectory);

        var engine = RiskEngine.CreateDefault();
        var evaluation = new RiskEvaluation();
        foreach (var line in File.ReadLines(path!).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.True(RiskLevels.TryParse(root.GetProperty("level").GetString(), out var gold));
            var predicted = engine.Assess(root.GetProperty("text").GetString()!).Level;
            evaluation.Add(gold, predicted);
            if (predicted != gold)
            {
                output.WriteLine($"{root.GetProperty("id").GetString()}: gold {gold.ToWire()}, predicted {predicted.ToWire()}");
            }
        }

        output.WriteLine($"lexicon {engine.LexiconVersion}, {path}");
        output.WriteLine(evaluation.Format());

        Assert.Equal(200, evaluation.Total);
        Assert.True(evaluation.HighRecall >= HighRecallFloor, $"recall >= high {evaluation.HighRecall:0.000} < {HighRecallFloor}");
        Assert.True(evaluation.CriticalRecall >= CriticalRecallFloor, $"critical recall {evaluation.CriticalRecall:0.000} < {CriticalRecallFloor}");
        Assert.True(evaluation.LowFlaggedHigh <= LowFlaggedCeiling, $"none/low flagged >= high {evaluation.LowFlaggedHigh:0.000} > {LowFlaggedCeiling}");
    }

    private static string? FindDevSet()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared", "risk", "dev.jsonl");
            if (File.Exists(inside))
            {
                return inside;
            }

            if (dir.Parent is not null)
            {
                var sibling = Path.Combine(dir.Parent.FullName, "shared", "risk", "dev.jsonl");
                if (File.Exists(sibling))
                {
                    return sibling;
                }
            }
        }

        return null;
    }
}
