using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>A supervisor's decision on an AI judgement (ETH-08).</summary>
public enum TriageReviewDecision
{
    /// <summary>The AI's level was right.</summary>
    Confirmed,

    /// <summary>The supervisor set another level, with a reason.</summary>
    Overridden,
}

/// <summary>The review of one judgement.</summary>
/// <param name="ReviewerId">The supervisor.</param>
/// <param name="Decision">Confirmed or overridden.</param>
/// <param name="Level">The level the supervisor holds right (the AI's level when confirmed).</param>
/// <param name="Reason">Why (required for an override).</param>
/// <param name="ReviewedAt">When.</param>
public sealed record TriageReview(string ReviewerId, TriageReviewDecision Decision, RiskLevel Level, string Reason, DateTimeOffset ReviewedAt);

/// <summary>A new judgement for the review store: what the AI said, on what, and what the service did with it.</summary>
public sealed record NewTriageRecord(
    string ConversationId,
    DateTimeOffset CreatedAt,
    RiskLevel RuleLevel,
    TriageJudgement Judgement,
    RiskLevel FinalLevel,
    bool RaisedByAi,
    RedactedText Excerpt);

/// <summary>
/// One AI judgement as supervisors and counselors see it: rule level, AI level, rationale, the redacted excerpt
/// (ETH-05: only redacted text is ever stored), versions (ETH-09), and the review once there is one.
/// <see cref="Rationale"/> and <see cref="Excerpt"/> are empty after the retention period (ETH-10).
/// </summary>
public sealed record TriageRecord(
    long Id,
    string ConversationId,
    DateTimeOffset CreatedAt,
    RiskLevel RuleLevel,
    RiskLevel AiLevel,
    RiskLevel FinalLevel,
    bool RaisedByAi,
    IReadOnlyList<SupportCategory> Categories,
    string Rationale,
    double Confidence,
    string PromptVersion,
    string Model,
    string Excerpt,
    TriageReview? Review);

/// <summary>Which judgements to list.</summary>
public enum TriageListFilter
{
    Pending,
    Reviewed,
    All,
}

/// <summary>The review store (SQLite in the host, memory in tests).</summary>
public interface ITriageReviewStore
{
    Task<long> AddAsync(NewTriageRecord record, CancellationToken cancellationToken);

    Task<TriageRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<TriageRecord>> ListAsync(TriageListFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The newest judgement of a conversation (the console queue's <c>ai</c> field).</summary>
    Task<TriageRecord?> LatestForConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records the review only if the judgement has none yet; false otherwise (or if it does not exist).</summary>
    Task<bool> TryRecordReviewAsync(long id, TriageReview review, CancellationToken cancellationToken);

    /// <summary>ETH-10: empties rationale and excerpt of reviewed judgements created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> EraseTextsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>What a review command did.</summary>
public enum TriageReviewOutcome
{
    Recorded,
    Forbidden,
    NotFound,
    AlreadyReviewed,
    ReasonRequired,
    SameLevel,
}
