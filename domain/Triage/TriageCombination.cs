using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>The rule result and the AI result put together.</summary>
/// <param name="Rule">The rule-based level.</param>
/// <param name="Ai">The AI's level, when there is a valid judgement.</param>
/// <param name="Final">The priority the service acts on: never below <paramref name="Rule"/>.</param>
/// <param name="RaisedByAi">True when the AI's level is above the rule level (the conversation is marked AI-suggested).</param>
public sealed record CombinedRisk(RiskLevel Rule, RiskLevel? Ai, RiskLevel Final, bool RaisedByAi);

/// <summary>ETH-02: the AI may raise a conversation's priority, never lower it.</summary>
public static class TriageCombination
{
    /// <summary>final = max(rule, AI). Without a judgement (AI off, failed, invalid) the rule level stands.</summary>
    public static CombinedRisk Combine(RiskLevel rule, TriageJudgement? ai)
    {
        if (ai is null)
        {
            return new CombinedRisk(rule, null, rule, false);
        }

        // ETH-02: a lower AI level changes nothing.
        var final = RiskLevels.Max(rule, ai.Level);
        return new CombinedRisk(rule, ai.Level, final, ai.Level > rule);
    }

    /// <summary>The same for an advice of any outcome: only <see cref="TriageOutcome.Judged"/> counts.</summary>
    public static CombinedRisk Combine(RiskLevel rule, TriageAdvice? advice) =>
        Combine(rule, advice is { Outcome: TriageOutcome.Judged } ? advice.Judgement : null);
}
