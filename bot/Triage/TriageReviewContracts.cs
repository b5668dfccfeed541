using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// The <c>ai</c> field of a console queue item (contract of issue 7): the conversation's newest AI judgement,
/// advice for counselors only (ETH-01). <c>rationale</c> is empty after the retention period (ETH-10).
/// </summary>
public sealed record AiSuggestion(
    string Level,
    IReadOnlyList<string> Categories,
    string Rationale,
    double Confidence,
    string PromptVersion,
    string Model,
    bool RaisedByAi,
    DateTimeOffset CreatedAt)
{
    public static AiSuggestion? From(TriageRecord? record) => record is null
        ? null
        : new(record.AiLevel.ToWire(), record.Categories.Select(c => c.ToWire()).ToList(), record.Rationale, record.Confidence, record.PromptVersion, record.Model, record.RaisedByAi, record.CreatedAt);
}

/// <summary>One AI judgement for supervisor review (ETH-08). <c>excerpt</c> is redacted text only (ETH-05).</summary>
public sealed record TriageJudgementItem(
    long Id,
    string ConversationId,
    DateTimeOffset CreatedAt,
    string RuleLevel,
    string AiLevel,
    string FinalLevel,
    bool RaisedByAi,
    IReadOnlyList<string> Categories,
    string Rationale,
    double Confidence,
    string PromptVersion,
    string Model,
    string Excerpt,
    TriageReviewItem? Review)
{
    public static TriageJudgementItem From(TriageRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id,
            r.ConversationId,
            r.CreatedAt,
            r.RuleLevel.ToWire(),
            r.AiLevel.ToWire(),
            r.FinalLevel.ToWire(),
            r.RaisedByAi,
            r.Categories.Select(c => c.ToWire()).ToList(),
            r.Rationale,
            r.Confidence,
            r.PromptVersion,
            r.Model,
            r.Excerpt,
            r.Review is null ? null : new TriageReviewItem(r.Review.ReviewerId, r.Review.Decision == TriageReviewDecision.Confirmed ? "confirmed" : "overridden", r.Review.Level.ToWire(), r.Review.Reason, r.Review.ReviewedAt));
    }
}

public sealed record TriageReviewItem(string Reviewer, string Decision, string Level, string Reason, DateTimeOffset ReviewedAt);

/// <summary><c>POST …/override</c>: the level the supervisor holds right, and why (required).</summary>
public sealed record TriageOverrideRequest(string? Level, string? Reason);

/// <summary><c>POST …/kill-switch/stop</c> and <c>…/resume</c>: why (required, audit-logged).</summary>
public sealed record TriageSwitchRequest(string? Reason);

/// <summary>Agreement between AI and supervisors for one prompt version. <c>matrix[ai][supervisor]</c>, indexed as <c>levels</c>.</summary>
public sealed record TriageAgreementItem(
    string PromptVersion,
    int Total,
    double? ObservedAgreement,
    double? Kappa,
    double? QuadraticWeightedKappa,
    IReadOnlyList<string> Levels,
    IReadOnlyList<IReadOnlyList<int>> Matrix)
{
    public static TriageAgreementItem From(TriageAgreement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var levels = Enum.GetValues<RiskLevel>();
        return new(
            a.PromptVersion,
            a.Total,
            a.ObservedAgreement,
            a.Kappa,
            a.QuadraticWeightedKappa,
            levels.Select(l => l.ToWire()).ToList(),
            levels.Select(ai => (IReadOnlyList<int>)levels.Select(s => a[ai, s]).ToList()).ToList());
    }
}

/// <summary>The kill switch (ETH-03): configured on, stopped by a supervisor, in use now; and its audit log, newest first.</summary>
public sealed record TriageSwitchStatus(bool Enabled, bool Stopped, bool Active, IReadOnlyList<TriageAuditItem> Audit);

public sealed record TriageAuditItem(DateTimeOffset At, string Actor, string Action, string Reason);
