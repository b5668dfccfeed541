using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>
/// What the AI advised about a conversation, after validation (ETH-06). Only supervisors and counselors see it,
/// never the person (ETH-01).
/// </summary>
/// <param name="Level">The AI's level.</param>
/// <param name="Categories">The AI's categories (rubric order, no duplicates).</param>
/// <param name="Rationale">A short third-person rationale in Japanese, for counselors.</param>
/// <param name="Confidence">0 to 1, as the model stated it.</param>
/// <param name="PromptVersion">The prompt version that produced it (ETH-09).</param>
/// <param name="Model">The model name that produced it (ETH-09).</param>
public sealed record TriageJudgement(
    RiskLevel Level,
    IReadOnlyList<SupportCategory> Categories,
    string Rationale,
    double Confidence,
    string PromptVersion,
    string Model);

/// <summary>
/// What is sent to the advisor: the person's recent messages, redacted (the type can only be made by
/// <see cref="Redactor"/>, ETH-05), and the rule result. No ids of any kind.
/// </summary>
public sealed record TriageInput(
    IReadOnlyList<RedactedText> Messages,
    RiskLevel RuleLevel,
    IReadOnlyList<SupportCategory> RuleCategories);

/// <summary>How an advisor call ended.</summary>
public enum TriageOutcome
{
    /// <summary>A valid judgement.</summary>
    Judged,

    /// <summary>The model answered, but the answer failed validation (ETH-06); see <see cref="TriageAdvice.Rejection"/>.</summary>
    InvalidOutput,

    /// <summary>No answer within the timeout (ETH-07).</summary>
    Timeout,

    /// <summary>The endpoint failed (HTTP error, connection refused …) (ETH-07).</summary>
    Error,

    /// <summary>The circuit breaker is open after repeated failures; no call was made (ETH-07).</summary>
    CircuitOpen,

    /// <summary>The redaction check found personal data left in the rendered prompt; nothing was sent (ETH-05).</summary>
    Withheld,
}

/// <summary>The result of one advisor call. Carries no text from the model except a validated judgement.</summary>
public sealed record TriageAdvice(TriageOutcome Outcome, TriageJudgement? Judgement = null, TriageRejection? Rejection = null)
{
    public static TriageAdvice Judged(TriageJudgement judgement) => new(TriageOutcome.Judged, judgement ?? throw new ArgumentNullException(nameof(judgement)));

    public static TriageAdvice Invalid(TriageRejection rejection) => new(TriageOutcome.InvalidOutput, null, rejection);

    public static TriageAdvice Failed(TriageOutcome outcome) => outcome is TriageOutcome.Judged or TriageOutcome.InvalidOutput
        ? throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Use Judged or Invalid.")
        : new(outcome);
}

/// <summary>
/// The seam between the triage and an AI model. Implementations: the OpenAI-compatible advisor in the host
/// (bot/Triage), and mocks in tests. Advice only: callers combine it with <see cref="TriageCombination"/>.
/// </summary>
public interface ITriageAdvisor
{
    /// <summary>The prompt version this advisor uses (ETH-09).</summary>
    string PromptVersion { get; }

    /// <summary>The model name this advisor asks (ETH-09).</summary>
    string Model { get; }

    /// <summary>
    /// Asks for a judgement. Implementations return <see cref="TriageOutcome.InvalidOutput"/> for an answer that
    /// fails validation; transport failures may throw (a guard turns them into advice).
    /// </summary>
    Task<TriageAdvice> AdviseAsync(TriageInput input, CancellationToken cancellationToken);
}
