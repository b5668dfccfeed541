using System.Text.Json;
using ChatSupport.Domain.Risk;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The quality floor on tests/datasets/risk/dev.jsonl and dev2.jsonl (issue #12): recall of gold ≥ high at least
/// 0.97, critical recall at least 0.90, none/low raised to ≥ high at most 0.05, on EACH file. The files are found
/// by walking up from the test binaries to the repository's root. The test prints the matrix and the per-rule precision.
/// </summary>
public class DevSetQualityTests(ITestOutputHelper output)
{
    private const double HighRecallFloor = 0.97;
    private const double CriticalRecallFloor = 0.90;
    private const double LowFlaggedCeiling = 0.05;

    [Theory]
    [InlineData("dev.jsonl", 200)]
    [InlineData("dev2.jsonl", 320)]
    public void DevSet_MeetsTheQualityFloor(string file, int count)
    {
        var path = FindDevSet(file);
        Assert.True(path is not null, $"tests/datasets/risk/{file} not found above " + AppContext.BaseDirectory);

        var engine = RiskEngine.CreateDefault();
        var evaluation = new RiskEvaluation();
        foreach (var line in File.ReadLines(path!).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.True(RiskLevels.TryParse(root.GetProperty("level").GetString(), out var gold));
            var assessment = engine.Assess(root.GetProperty("text").GetString()!);
            evaluation.Add(gold, assessment.Level);
            foreach (var rule in engine.Lexicon.Rules.Where(r => assessment.Rules.Contains(r.Id)))
            {
                evaluation.AddRule(rule, gold);
            }

            if (assessment.Level != gold)
            {
                output.WriteLine($"{root.GetProperty("id").GetString()}: gold {gold.ToWire()}, predicted {assessment.Level.ToWire()}");
            }
        }

        output.WriteLine($"lexicon {engine.LexiconVersion}, {path}");
        output.WriteLine(evaluation.Format());

        Assert.Equal(count, evaluation.Total);
        Assert.True(evaluation.HighRecall >= HighRecallFloor, $"recall >= high {RiskEvaluation.Show(evaluation.HighRecall)} < {HighRecallFloor}");
        Assert.True(evaluation.CriticalRecall >= CriticalRecallFloor, $"critical recall {RiskEvaluation.Show(evaluation.CriticalRecall)} < {CriticalRecallFloor}");
        Assert.True(evaluation.LowFlaggedHigh <= LowFlaggedCeiling, $"none/low flagged >= high {RiskEvaluation.Show(evaluation.LowFlaggedHigh)} > {LowFlaggedCeiling}");
    }

    internal static string? FindDevSet(string file) => FindInRepository(Path.Combine("tests", "datasets", "risk", file));

    /// <summary>A file of this repository, found by walking up from the test binaries to the repository's root.</summary>
    internal static string? FindInRepository(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
