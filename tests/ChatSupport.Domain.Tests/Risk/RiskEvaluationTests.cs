using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class RiskEvaluationTests
{
    [Fact]
    public void ImperfectPredictions_GiveTheExpectedRecallsAndFalseAlarms()
    {
        var e = new RiskEvaluation();
        // 4 gold high/critical: one high missed (medium), one critical read as high.
        e.Add(RiskLevel.High, RiskLevel.High);
        e.Add(RiskLevel.High, RiskLevel.Medium);
        e.Add(RiskLevel.Critical, RiskLevel.Critical);
        e.Add(RiskLevel.Critical, RiskLevel.High);
        // 5 gold none/low: one raised to high, one to critical.
        e.Add(RiskLevel.None, RiskLevel.None);
        e.Add(RiskLevel.None, RiskLevel.High);
        e.Add(RiskLevel.Low, RiskLevel.Low);
        e.Add(RiskLevel.Low, RiskLevel.Critical);
        e.Add(RiskLevel.Low, RiskLevel.Medium);
        e.Add(RiskLevel.Medium, RiskLevel.Medium);

        Assert.Equal(10, e.Total);
        Assert.Equal(0.75, e.HighRecall!.Value, 3);
        Assert.Equal(0.5, e.CriticalRecall!.Value, 3);
        Assert.Equal(0.4, e.LowFlaggedHigh!.Value, 3);
        Assert.Equal(0.5, e.ExactAgreement!.Value, 3);
        Assert.Equal(1, e[RiskLevel.Low, RiskLevel.Critical]);
        var text = e.Format();
        Assert.Contains("recall gold>=high predicted>=high: 0.750 (n=4)", text, StringComparison.Ordinal);
        Assert.Contains("share gold none/low predicted>=high: 0.400 (n=5)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyGoldClass_IsNotAFigure_AndPrintsAsNa()
    {
        var e = new RiskEvaluation();
        e.Add(RiskLevel.High, RiskLevel.High);
        e.Add(RiskLevel.Critical, RiskLevel.Critical);

        // No none/low message: "0 false alarms" would be a claim the data cannot support.
        Assert.Null(e.LowFlaggedHigh);
        Assert.Contains("share gold none/low predicted>=high: n/a (n=0)", e.Format(), StringComparison.Ordinal);

        var onlyCalm = new RiskEvaluation();
        onlyCalm.Add(RiskLevel.None, RiskLevel.None);
        Assert.Null(onlyCalm.HighRecall);
        Assert.Null(onlyCalm.CriticalRecall);
        Assert.Contains("recall gold=critical predicted=critical: n/a (n=0)", onlyCalm.Format(), StringComparison.Ordinal);
        // A floor compared with n/a fails instead of passing silently.
        Assert.False(onlyCalm.HighRecall >= 0.97);
    }

    [Fact]
    public void RulePrecision_CountsRaisingRulesAgainstHighAndDampenersAgainstTheirCap()
    {
        var raise = new SituationRule("r", SituationScope.Message, ["a"], [], [], [], RiskLevel.Critical, null, [], [], "n");
        var dampen = new SituationRule("d", SituationScope.Message, ["b"], [], [], [], null, RiskLevel.Low, [], [], "n");
        var e = new RiskEvaluation();
        e.AddRule(raise, RiskLevel.Critical);
        e.AddRule(raise, RiskLevel.High);
        e.AddRule(raise, RiskLevel.Low);
        e.AddRule(dampen, RiskLevel.None);
        e.AddRule(dampen, RiskLevel.High);

        Assert.Equal((3, 2), e.RuleCounts["r"]);
        Assert.Equal((2, 1), e.RuleCounts["d"]);
        Assert.Contains("precision 0.667", e.Format(), StringComparison.Ordinal);
    }
}
