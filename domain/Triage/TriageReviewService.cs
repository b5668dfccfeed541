using System.Globalization;
using System.Text;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>
/// ETH-08: supervisor review of AI judgements, for the console. Counselors and supervisors can list judgements
/// (counselors see the suggestions); only supervisors confirm, override (with a reason) or export.
/// </summary>
public sealed class TriageReviewService(ITriageReviewStore store, ITriageControlStore audit, TimeProvider clock)
{
    /// <summary>Longest accepted override reason.</summary>
    public const int MaxReasonLength = 1000;

    public Task<IReadOnlyList<TriageRecord>> ListAsync(TriageActor viewer, TriageListFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return store.ListAsync(filter, Math.Clamp(limit, 1, 1000), cancellationToken);
    }

    public Task<TriageRecord?> GetAsync(long id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    /// <summary>The conversation's newest AI suggestion, for the <c>ai</c> field of a console queue item.</summary>
    public Task<TriageRecord?> LatestForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        store.LatestForConversationAsync(conversationId, cancellationToken);

    /// <summary>The supervisor holds the AI's level right.</summary>
    public async Task<TriageReviewOutcome> ConfirmAsync(TriageActor reviewer, long id, CancellationToken cancellationToken)
    {
        var (record, outcome) = await CheckAsync(reviewer, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        var review = new TriageReview(reviewer.Id, TriageReviewDecision.Confirmed, record.AiLevel, string.Empty, clock.GetUtcNow());
        return await RecordAsync(record, review, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The supervisor sets <paramref name="level"/> instead, and says why.</summary>
    public async Task<TriageReviewOutcome> OverrideAsync(TriageActor reviewer, long id, RiskLevel level, string reason, CancellationToken cancellationToken)
    {
        var (record, outcome) = await CheckAsync(reviewer, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return TriageReviewOutcome.ReasonRequired;
        }

        if (level == record.AiLevel)
        {
            return TriageReviewOutcome.SameLevel;
        }

        var trimmed = reason.Trim();
        var review = new TriageReview(reviewer.Id, TriageReviewDecision.Overridden, level, trimmed.Length > MaxReasonLength ? trimmed[..MaxReasonLength] : trimmed, clock.GetUtcNow());
        return await RecordAsync(record, review, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Agreement between AI and supervisors per prompt version (confusion matrix, Cohen's kappa).</summary>
    public async Task<IReadOnlyList<TriageAgreement>> AgreementAsync(CancellationToken cancellationToken) =>
        TriageAgreement.ByPromptVersion(await store.ListAsync(TriageListFilter.Reviewed, int.MaxValue, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Writes the reviewed judgements as CSV (RFC 4180, UTF-8, header row) for the ethics board. Supervisors only;
    /// the redacted excerpts only when <paramref name="includeExcerpts"/>. Returns false (and writes nothing) for others.
    /// </summary>
    public async Task<bool> ExportCsvAsync(TriageActor actor, TextWriter writer, bool includeExcerpts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(writer);
        if (!actor.IsSupervisor)
        {
            return false;
        }

        var records = await store.ListAsync(TriageListFilter.Reviewed, int.MaxValue, cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(TriageCsv.Write(records, includeExcerpts)).ConfigureAwait(false);
        await audit.AppendAuditAsync(new TriageAuditEntry(clock.GetUtcNow(), actor.Id, includeExcerpts ? "export.with-excerpts" : "export", $"{records.Count} rows"), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<(TriageRecord? Record, TriageReviewOutcome Outcome)> CheckAsync(TriageActor reviewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.IsSupervisor)
        {
            // ETH-08: counselors see AI suggestions but cannot review them.
            return (null, TriageReviewOutcome.Forbidden);
        }

        var record = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return (null, TriageReviewOutcome.NotFound);
        }

        return record.Review is null ? (record, TriageReviewOutcome.Recorded) : (null, TriageReviewOutcome.AlreadyReviewed);
    }

    private async Task<TriageReviewOutcome> RecordAsync(TriageRecord record, TriageReview review, CancellationToken cancellationToken)
    {
        if (!await store.TryRecordReviewAsync(record.Id, review, cancellationToken).ConfigureAwait(false))
        {
            return TriageReviewOutcome.AlreadyReviewed;
        }

        await audit.AppendAuditAsync(new TriageAuditEntry(review.ReviewedAt, review.ReviewerId, $"review.{(review.Decision == TriageReviewDecision.Confirmed ? "confirm" : "override")}", string.Create(CultureInfo.InvariantCulture, $"judgement {record.Id}")), cancellationToken).ConfigureAwait(false);
        return TriageReviewOutcome.Recorded;
    }
}

/// <summary>CSV of reviewed judgements (ETH-08). Cells that a spreadsheet would run as a formula are prefixed with '.</summary>
public static class TriageCsv
{
    public static readonly string[] Header =
    [
        "id", "created_at", "prompt_version", "model", "rule_level", "ai_level", "final_level", "raised_by_ai", "confidence",
        "categories", "rationale", "reviewer", "decision", "supervisor_level", "reason", "reviewed_at", "excerpt",
    ];

    public static string Write(IEnumerable<TriageRecord> records, bool includeExcerpts)
    {
        ArgumentNullException.ThrowIfNull(records);
        var b = new StringBuilder();
        Line(b, Header);
        foreach (var r in records)
        {
            Line(b,
            [
                r.Id.ToString(CultureInfo.InvariantCulture),
                r.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                r.PromptVersion,
                r.Model,
                r.RuleLevel.ToWire(),
                r.AiLevel.ToWire(),
                r.FinalLevel.ToWire(),
                r.RaisedByAi ? "true" : "false",
                r.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                string.Join(' ', r.Categories.Select(c => c.ToWire())),
                r.Rationale,
                r.Review?.ReviewerId ?? string.Empty,
                r.Review is null ? string.Empty : r.Review.Decision == TriageReviewDecision.Confirmed ? "confirmed" : "overridden",
                r.Review?.Level.ToWire() ?? string.Empty,
                r.Review?.Reason ?? string.Empty,
                r.Review?.ReviewedAt.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                includeExcerpts ? r.Excerpt : string.Empty,
            ]);
        }

        return b.ToString();
    }

    private static void Line(StringBuilder b, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            b.Append(Cell(cells[i]));
        }

        b.Append("\r\n");
    }

    /// <summary>
    /// One CSV cell, quoted as RFC 4180 asks, and neutralised against formula injection: a value whose first
    /// visible character is = + - @ (half- or full-width, as Japanese input methods type them), or that starts
    /// with a tab or a line break, gets a leading apostrophe so a spreadsheet shows it as text.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var visible = value.TrimStart(' ', '\u3000', '\t', '\r', '\n');
        var risky = value.Length > 0
            && ("\t\r\n".Contains(value[0], StringComparison.Ordinal) || (visible.Length > 0 && "=+-@＝＋－＠".Contains(visible[0], StringComparison.Ordinal)));
        var v = risky ? "'" + value : value;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
