using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Domain.Tests.Triage;

/// <summary>ETH-02: the AI may raise, never lower.</summary>
public sealed class TriageCombinationTests
{
    private static readonly RiskLevel[] Levels = Enum.GetValues<RiskLevel>();

    [Theory]
    [InlineData(RiskLevel.Medium, RiskLevel.None, RiskLevel.Medium, false)]
    [InlineData(RiskLevel.Medium, RiskLevel.High, RiskLevel.High, true)]
    [InlineData(RiskLevel.Critical, RiskLevel.Low, RiskLevel.Critical, false)]
    [InlineData(RiskLevel.None, RiskLevel.Critical, RiskLevel.Critical, true)]
    [InlineData(RiskLevel.High, RiskLevel.High, RiskLevel.High, false)]
    public void Combine_TakesTheHigherLevel_ETH02(RiskLevel rule, RiskLevel ai, RiskLevel final, bool raised)
    {
        var combined = TriageCombination.Combine(rule, Judgement(ai));
        Assert.Equal(final, combined.Final);
        Assert.Equal(raised, combined.RaisedByAi);
        Assert.Equal(ai, combined.Ai);
    }

    [Fact]
    public void WithoutAJudgement_TheRuleLevelStands() =>
        Assert.Equal(RiskLevel.High, TriageCombination.Combine(RiskLevel.High, (TriageJudgement?)null).Final);

    /// <summary>
    /// Property: for random rule levels and random model answers (valid, invalid, garbage, failed calls), the final
    /// level is never below the rule level, equals max(rule, AI) for a valid answer and the rule level otherwise.
    /// </summary>
    [Fact]
    public void Combine_NeverLowersTheRuleLevel_Property_ETH02()
    {
        var random = new Random(20260107);
        var outcomes = Enum.GetValues<TriageOutcome>();
        for (var i = 0; i < 20_000; i++)
        {
            var rule = Levels[random.Next(Levels.Length)];
            var raw = RandomAnswer(random);
            var validation = TriageOutputValidator.Validate(raw, "v1", "m");
            var outcome = validation.IsValid ? TriageOutcome.Judged : outcomes[random.Next(1, outcomes.Length)];
            var advice = validation.IsValid ? TriageAdvice.Judged(validation.Judgement!)
                : outcome == TriageOutcome.InvalidOutput ? TriageAdvice.Invalid(validation.Rejection!.Value) : TriageAdvice.Failed(outcome);

            var combined = TriageCombination.Combine(rule, advice);

            Assert.True(combined.Final >= rule, $"case {i}: final {combined.Final} below rule {rule} for {raw}");
            Assert.Equal(combined.Rule, rule);
            if (validation.IsValid)
            {
                Assert.Equal(RiskLevels.Max(rule, validation.Judgement!.Level), combined.Final);
                Assert.Equal(validation.Judgement.Level > rule, combined.RaisedByAi);
            }
            else
            {
                Assert.Equal(rule, combined.Final);
                Assert.False(combined.RaisedByAi);
            }
        }
    }

    private static string RandomAnswer(Random random)
    {
        string[] levels = ["none", "low", "medium", "high", "critical", "HIGH", "severe", "", "null", "-1"];
        string[] rationales = ["危険な表現がある。", "あなたは大丈夫", "ok", "特に問題はない。", ""];
        switch (random.Next(6))
        {
            case 0:
                return new string((char)random.Next(32, 0x3000), random.Next(0, 50));
            case 1:
                return "{\"level\":\"" + levels[random.Next(levels.Length)] + "\"}";
            default:
                var confidence = (random.NextDouble() * 1.4) - 0.2;
                return $$"""{"level":"{{levels[random.Next(levels.Length)]}}","categories":[{{(random.Next(3) == 0 ? "\"suicidal\"" : "")}}],"rationale":"{{rationales[random.Next(rationales.Length)]}}","confidence":{{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";
        }
    }

    private static TriageJudgement Judgement(RiskLevel level) => new(level, [], "理由。", 0.5, "v1", "m");
}
