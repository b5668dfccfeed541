using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

public class UnderstandingEvaluationTests
{
    private static UnderstandingLabels L(string[] intents, string[] categories, string? age = null, string? pref = null, bool given = true) =>
        new(intents, categories, given, age, given, pref);

    [Fact]
    public void PerLabelAndMicroFigures_OnImperfectPredictions()
    {
        var evaluation = new UnderstandingEvaluation();
        evaluation.Add(L(["disclosure", "ask_privacy"], ["bullying", "school"], "junior_high", null), L(["disclosure"], ["bullying"], "junior_high", null));
        evaluation.Add(L(["greeting"], []), L(["greeting", "farewell"], [], "high_school"));
        evaluation.Add(L(["other"], [], null, "13"), L(["other"], ["family"], null, "13"));

        var disclosure = evaluation.IntentFigures.Single(f => f.Label == "disclosure");
        Assert.Equal(1.0, disclosure.Precision);
        Assert.Equal(1.0, disclosure.Recall);
        var privacy = evaluation.IntentFigures.Single(f => f.Label == "ask_privacy");
        Assert.Null(privacy.Precision); // never predicted
        Assert.Equal(0.0, privacy.Recall);
        Assert.Equal(0.0, privacy.F1);
        var farewell = evaluation.IntentFigures.Single(f => f.Label == "farewell");
        Assert.Equal(0.0, farewell.Precision);
        Assert.Null(farewell.Recall); // never in gold

        // intents: tp 3 (disclosure, greeting, other), fp 1 (farewell), fn 1 (ask_privacy) → 6 / 8.
        Assert.Equal(0.75, evaluation.IntentsMicroF1!.Value, 6);
        // categories: tp 1, fp 1, fn 1 → 2 / 4.
        Assert.Equal(0.5, evaluation.CategoriesMicroF1!.Value, 6);
        Assert.Equal(2.0 / 3, evaluation.AgeBandAccuracy!.Value, 6);
        Assert.Equal(1.0, evaluation.AgeBandStatedAccuracy!.Value, 6);
        Assert.Equal(1.0, evaluation.PrefectureAccuracy!.Value, 6);
    }

    [Fact]
    public void EmptyClassesAndMissingFacts_AreNotApplicable_NotZeroOrOne()
    {
        var evaluation = new UnderstandingEvaluation();
        evaluation.Add(L(["greeting"], [], given: false), L(["greeting"], [], given: false));

        var dv = evaluation.CategoryFigures.Single(f => f.Label == "dv");
        Assert.Null(dv.F1);
        Assert.Null(evaluation.CategoriesMicroF1);
        Assert.Null(evaluation.AgeBandAccuracy);
        Assert.Null(evaluation.PrefectureAccuracy);
        var text = evaluation.Format();
        Assert.Contains("categories micro-F1 n/a", text, StringComparison.Ordinal);
        Assert.Contains("intents micro-F1 1.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoMessages_GiveNoFigures()
    {
        var evaluation = new UnderstandingEvaluation();

        Assert.Equal(0, evaluation.Total);
        Assert.Null(evaluation.IntentsMicroF1);
        Assert.Contains("messages 0", evaluation.Format(), StringComparison.Ordinal);
    }
}
