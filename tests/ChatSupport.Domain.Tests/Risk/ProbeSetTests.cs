using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatSupport.Domain.Risk;
using Xunit.Abstractions;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The project's own probe sets: probe.jsonl (100, the first lexicon), Probes/tuning.jsonl (200, used while
/// building the situation layer), Probes/heldout.jsonl (100, tuning since round 2), Probes/tuning2.jsonl (63,
/// round 2), Probes/heldout2.jsonl (123, held out in round 2, tuning since round 3), Probes/tuning3.jsonl (81, round 3),
/// Probes/heldout3.jsonl (154, evaluated only at the end of round 3; see Probes/README.md)
/// Probes/tuning4.jsonl (144, round 4), Probes/heldout4.jsonl (221, evaluated only at the end of round 4), Probes/tuning5.jsonl
/// (55, round 5), Probes/heldout5.jsonl (205, written before round 5 and evaluated once at its end), and the round-6 sets
/// tests/datasets/risk/tuning6.jsonl (208) and holdout6.jsonl (100, measured once at the end), and round 7's tuning7.jsonl (123)
/// and holdout7.jsonl (109, measured once at the end) with apart6.jsonl (240, known text since its one measurement), and round 8's
/// tuning8.jsonl (120) and holdout8.jsonl (100, measured once at the end) with apart7.jsonl (240, known text). Each must stay above
/// its floor; the figures are printed.
/// </summary>
public class ProbeSetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("probe.jsonl", 0.97, 0.85, 0.05)]
    [InlineData("Probes/tuning.jsonl", 0.97, 0.90, 0.05)]
    [InlineData("Probes/tuning2.jsonl", 0.97, 0.90, 0.05)]
    // The first held-out set was read while tuning round 2 of issue #12, so it is tuning now (1.000 / 1.000 / 0.000).
    [InlineData("Probes/heldout.jsonl", 0.97, 0.90, 0.05)]
    // Held-out of round 2 (measured once then: 0.918 / 0.833 / 0.043); its misses were read and generalised by class
    // in round 3, so it is tuning now (0.984 / 0.967 / 0.021).
    [InlineData("Probes/heldout2.jsonl", 0.97, 0.90, 0.05)]
    [InlineData("Probes/tuning3.jsonl", 0.97, 0.90, 0.05)]
    // Held-out of round 3, written and committed before tuning, measured once at the end (0.652 / 0.559 / 0.017): a
    // ratchet on that measurement, not a target; far below the issue's held-out target (0.95 / 0.80 / 0.08).
    [InlineData("Probes/heldout3.jsonl", 0.65, 0.55, 0.05)]
    // Round-4 tuning set (written for the classes of round 4, both directions).
    [InlineData("Probes/tuning4.jsonl", 0.95, 0.90, 0.05)]
    // Held-out of round 4, written and committed before tuning, measured once at the end (0.720 / 0.692 / 0.031): a
    // ratchet on that measurement, not a target; far below the issue's held-out target (0.95 / 0.80 / 0.08).
    [InlineData("Probes/heldout4.jsonl", 0.71, 0.69, 0.05)]
    [InlineData("Probes/tuning5.jsonl", 0.95, 0.85, 0.05)]
    [InlineData("Probes/heldout5.jsonl", 0.80, 0.80, 0.05)]
    // Round 6: tuning6 (208, written for the round and tuned to by class: 0.744 / 0.657 / 0.088 before, 0.976 / 0.971 /
    // 0.022 after) and holdout6 (100, written and committed before any change, measured once at the end: 0.800 / 0.667 /
    // 0.044 before, 0.829 / 0.667 / 0.044 after; a ratchet on that measurement, not a target).
    [InlineData("../../datasets/risk/tuning6.jsonl", 0.95, 0.90, 0.05)]
    [InlineData("../../datasets/risk/holdout6.jsonl", 0.82, 0.66, 0.05)]
    // Round 7: tuning7 (123, written for the classes apart6 missed and tuned to by class: 0.592 / 0.462 / 0.200 before,
    // 0.961 / 0.962 / 0.025 after) and apart6 (240, written apart and measured once after round 6; known text since).
    [InlineData("../../datasets/risk/tuning7.jsonl", 0.95, 0.90, 0.05)]
    [InlineData("../../datasets/risk/apart6.jsonl", 0.95, 0.95, 0.05)]
    // holdout7 (109, written and committed before any change of round 7, measured once at its end: 0.848 / 0.905 / 0.000
    // before, 0.870 / 0.905 / 0.000 after; a ratchet on that measurement, not a target).
    [InlineData("../../datasets/risk/holdout7.jsonl", 0.86, 0.90, 0.05)]
    // Round 8: tuning8 (120, written for the classes apart7 missed and tuned to by class: 0.338 / 0.323 / 0.137 before,
    // 0.969 / 0.903 / 0.000 after); apart7 (240, written apart and measured once after round 7: 0.617 / 0.500 / 0.014;
    // known text since: 0.700 / 0.600 after the lead's round, 0.825 / 0.817 / 0.014 after round 8).
    [InlineData("../../datasets/risk/tuning8.jsonl", 0.95, 0.90, 0.05)]
    [InlineData("../../datasets/risk/apart7.jsonl", 0.82, 0.81, 0.05)]
    // holdout8 (100, written and committed before any change of round 8, measured once at its end: 0.447 / 0.455 / 0.102
    // before, 0.766 / 0.773 / 0.020 after; a ratchet on that measurement, not a target).
    [InlineData("../../datasets/risk/holdout8.jsonl", 0.76, 0.77, 0.05)]
    // Round 9: tuning9 (123, written for the classes apart8 and whole conversations written apart missed, tuned to by class:
    // 0.329 / 0.310 / 0.130 before, 0.973 / 0.931 / 0.000 after); apart8 (240, written apart and measured once at the start
    // of round 9: 0.730 / 0.675 / 0.063; known text since, 0.990 / 0.975 / 0.000 after round 9, read for its classes).
    [InlineData("../../datasets/risk/tuning9.jsonl", 0.95, 0.90, 0.05)]
    [InlineData("../../datasets/risk/apart8.jsonl", 0.97, 0.95, 0.05)]
    // holdout9 (77, written and committed before any change of round 9, measured once at its end: 0.171 / 0.111 / 0.182
    // before, 0.780 / 0.722 / 0.061 after; a ratchet on that measurement, not a target — its false-high ceiling is the
    // measured 2 of 33, above the usual 0.05).
    [InlineData("../../datasets/risk/holdout9.jsonl", 0.78, 0.72, 0.07)]
    // apart9 (240, written apart by a writer who never saw the lexicon, measured once after round 9's merge: 0.700 / 0.550 /
    // 0.038; the round-8 lexicon scored 0.660 / 0.525 / 0.038 on it). A ratchet on that measurement; known text from now on.
    // Round 10: apart9 read for its classes (0.990 / 0.975 / 0.000 after); tuning10 (240, written apart by a new writer,
    // measured once at the start of round 10 before it was read: 0.770 / 0.750 / 0.038; tuned to by class since, 0.990 /
    // 1.000 / 0.000 after). Ratchets on known text, not generalisation.
    [InlineData("../../datasets/risk/apart9.jsonl", 0.97, 0.95, 0.05)]
    [InlineData("../../datasets/risk/tuning10.jsonl", 0.97, 0.97, 0.05)]
    // apart10 (240, written apart, measured once after round 10: 0.770 / 0.825 / 0.013; known text since).
    // Round 11: tuning11 (240, a new writer's tuning set, first read 0.750 / 0.600 / 0.013; tuned to by class, 0.990 /
    // 0.933 / 0.013 after) and apart11 (240, written apart by another writer and measured once at the end of round 11
    // before it was read: 0.810 / 0.733 / 0.013; read for its classes since, 0.900 / 0.933 / 0.000). Ratchets on known
    // text, not generalisation.
    [InlineData("../../datasets/risk/apart10.jsonl", 0.76, 0.82, 0.05)]
    [InlineData("../../datasets/risk/tuning11.jsonl", 0.97, 0.90, 0.05)]
    [InlineData("../../datasets/risk/apart11.jsonl", 0.88, 0.90, 0.05)]
    // Round 12: tuning12 (240, a new writer's tuning set, first read 0.840 / 0.778 / 0.038; 0.980 / 0.956 / 0.000 after the
    // round's groups and classes) and apart12 (240, written apart by another writer, measured once at the end of round 12
    // before it was read: 0.900 / 0.822 / 0.050; the lexicon from before the round scored 0.890 / 0.800 / 0.050 on it).
    [InlineData("../../datasets/risk/tuning12.jsonl", 0.97, 0.93, 0.05)]
    // apart12 was read for its classes after that measurement (0.990 / 0.978 / 0.038 after); apart13 (240, a third writer,
    // measured once at the very end of round 12: 0.900 / 0.867 / 0.050; 0.890 / 0.822 / 0.063 with the lexicon from the
    // start of the round). Ratchets on known text.
    [InlineData("../../datasets/risk/apart12.jsonl", 0.97, 0.95, 0.05)]
    // Round 13: apart13 read for its classes (1.000 / 1.000 / 0.000 after); apart14 (240, a fourth writer, measured once at
    // the start of round 13 after the apart13 classes and before it was read: 0.850 / 0.889 / 0.013; 0.840 / 0.889 / 0.013
    // with the lexicon from the start of the round), then read for its classes. Ratchets on known text.
    [InlineData("../../datasets/risk/apart13.jsonl", 0.97, 0.95, 0.05)]
    [InlineData("../../datasets/risk/apart14.jsonl", 0.97, 0.95, 0.05)]
    // apart15 (240, a fifth writer, kept apart to the end of round 13 and measured once with everything above: 0.800 /
    // 0.733 / 0.025; 0.790 / 0.733 / 0.038 with the lexicon from the start of the round), then read for its classes.
    [InlineData("../../datasets/risk/apart15.jsonl", 0.97, 0.95, 0.05)]
    // Round 14: apart16 and apart17 (240 each, two new writers), measured once with the learned backstop before they were
    // read: 0.860 / 0.756 / 0.075 and 0.920 / 0.711 / 0.113 (the lexicon alone at the start of the round: 0.710 / 0.733 /
    // 0.075 and 0.770 / 0.644 / 0.113), then read for their classes (lead14.yaml) and trained on. Ratchets on known text.
    [InlineData("../../datasets/risk/apart16.jsonl", 0.95, 0.95, 0.05)]
    [InlineData("../../datasets/risk/apart17.jsonl", 0.95, 0.95, 0.05)]
    // Round 17: apart20 (240, written apart in round 16, measured at its start and end: 0.900 / 0.867 / 0.050 and 0.890 /
    // 0.867 / 0.050; at the start of round 17 0.890 / 0.867 / 0.050), then read (lead17.yaml) and trained on: 0.990 /
    // 1.000 / 0.000 after. A ratchet on known text.
    [InlineData("../../datasets/risk/apart20.jsonl", 0.95, 0.95, 0.05)]
    public void ProbeSet_StaysAboveTheFloor(string file, double highFloor, double criticalFloor, double falseHighCeiling)
    {
        var engine = RiskEngine.CreateDefault();
        var evaluation = new RiskEvaluation();
        foreach (var line in File.ReadLines(ProbePath(file)).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.True(RiskLevels.TryParse(root.GetProperty("level").GetString(), out var gold));
            var assessment = engine.Assess(root.GetProperty("text").GetString()!);
            evaluation.Add(gold, assessment.Level);
            if (assessment.Level != gold)
            {
                output.WriteLine($"{root.GetProperty("id").GetString()}: gold {gold.ToWire()}, predicted {assessment.Level.ToWire()}");
            }
        }

        output.WriteLine(evaluation.Format());
        Assert.True(evaluation.HighRecall >= highFloor, $"recall >= high {RiskEvaluation.Show(evaluation.HighRecall)}");
        Assert.True(evaluation.CriticalRecall >= criticalFloor, $"critical recall {RiskEvaluation.Show(evaluation.CriticalRecall)}");
        Assert.True(evaluation.LowFlaggedHigh <= falseHighCeiling, $"false high {RiskEvaluation.Show(evaluation.LowFlaggedHigh)}");
    }

    private static string ProbePath(string file, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, file);
}
