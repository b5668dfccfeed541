using System.Text.Json;
using ChatSupport.Domain.Understanding;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Quality floors of understanding: on tests/datasets/understanding/dev.jsonl (found by walking up from the test
/// binaries) and on the project's own probes (Probes/tune.jsonl, tuned on; Probes/heldout.jsonl, not tuned on).
/// Every run prints the figures.
/// </summary>
public class UnderstandingQualityTests(ITestOutputHelper output)
{
    private const double IntentsFloor = 0.85;
    private const double CategoriesFloor = 0.80;
    private const double FactsFloor = 0.90;

    [Fact]
    public void DevSet_MeetsTheFloor()
    {
        var path = Risk.DevSetQualityTests.FindInRepository(Path.Combine("tests", "datasets", "understanding", "dev.jsonl"));
        Assert.True(path is not null, "tests/datasets/understanding/dev.jsonl not found above " + AppContext.BaseDirectory);

        var evaluation = Evaluate(path!);

        Assert.Equal(220, evaluation.Total);
        AssertFloors(evaluation);
    }

    [Fact]
    public void OwnTuningProbes_MeetTheFloor()
    {
        var evaluation = Evaluate(Path.Combine(AppContext.BaseDirectory, "Understanding", "Probes", "tune.jsonl"));

        Assert.True(evaluation.Total >= 160);
        AssertFloors(evaluation);
    }

    [Fact]
    public void OwnHeldOutProbes_MeetTheFloor()
    {
        var evaluation = Evaluate(Path.Combine(AppContext.BaseDirectory, "Understanding", "Probes", "heldout.jsonl"));

        Assert.True(evaluation.Total >= 90);
        AssertFloors(evaluation);
    }

    private static void AssertFloors(UnderstandingEvaluation e)
    {
        Assert.True(e.IntentsMicroF1 >= IntentsFloor, $"intents micro-F1 {e.IntentsMicroF1:0.000} < {IntentsFloor}");
        Assert.True(e.CategoriesMicroF1 >= CategoriesFloor, $"categories micro-F1 {e.CategoriesMicroF1:0.000} < {CategoriesFloor}");
        Assert.True(e.AgeBandAccuracy >= FactsFloor, $"ageBand accuracy {e.AgeBandAccuracy:0.000} < {FactsFloor}");
        Assert.True(e.PrefectureAccuracy >= FactsFloor, $"prefecture accuracy {e.PrefectureAccuracy:0.000} < {FactsFloor}");
    }

    private UnderstandingEvaluation Evaluate(string path)
    {
        var engine = UnderstandingEngine.CreateDefault();
        var evaluation = new UnderstandingEvaluation();
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var gold = new UnderstandingLabels(
                root.GetProperty("intents").EnumerateArray().Select(e => e.GetString()!).ToList(),
                root.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!).ToList(),
                root.TryGetProperty("ageBand", out var age),
                age.ValueKind == JsonValueKind.String ? age.GetString() : null,
                root.TryGetProperty("prefecture", out var prefecture),
                prefecture.ValueKind == JsonValueKind.String ? prefecture.GetString() : null);
            evaluation.Add(gold, UnderstandingLabels.From(engine.Understand(root.GetProperty("text").GetString()!)));
        }

        output.WriteLine($"patterns {engine.PatternsVersion}, {path}");
        output.WriteLine(evaluation.Format());
        return evaluation;
    }
}
