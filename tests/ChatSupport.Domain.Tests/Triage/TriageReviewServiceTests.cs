using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Domain.Tests.Triage;

public sealed class TriageReviewServiceTests
{
    private static readonly TriageActor Supervisor = new("sv-1", TriageRole.Supervisor);
    private static readonly TriageActor Counselor = new("co-1", TriageRole.Counselor);
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly MemoryTriageStore _store = new();
    private readonly FakeTimeProvider _clock = new(Start);

    private TriageReviewService Service => new(_store, _store, _clock);

    [Fact]
    public async Task Review_CounselorCanSeeButCannotReview_ETH08()
    {
        var id = await AddAsync(RiskLevel.Medium, RiskLevel.High);
        Assert.Single(await Service.ListAsync(Counselor, TriageListFilter.Pending, 10, default));
        Assert.Equal(TriageReviewOutcome.Forbidden, await Service.ConfirmAsync(Counselor, id, default));
        Assert.Equal(TriageReviewOutcome.Forbidden, await Service.OverrideAsync(Counselor, id, RiskLevel.Low, "違う", default));
        Assert.Null((await _store.GetAsync(id, default))!.Review);
        Assert.False(await Service.ExportCsvAsync(Counselor, new StringWriter(), false, default));
    }

    [Fact]
    public async Task Review_SupervisorConfirmsOnce_ETH08()
    {
        var id = await AddAsync(RiskLevel.Medium, RiskLevel.High);
        Assert.Equal(TriageReviewOutcome.Recorded, await Service.ConfirmAsync(Supervisor, id, default));
        Assert.Equal(TriageReviewOutcome.AlreadyReviewed, await Service.OverrideAsync(Supervisor, id, RiskLevel.Low, "やはり違う", default));

        var review = (await _store.GetAsync(id, default))!.Review!;
        Assert.Equal(TriageReviewDecision.Confirmed, review.Decision);
        Assert.Equal(RiskLevel.High, review.Level);
        Assert.Equal("sv-1", review.ReviewerId);
        Assert.Empty(await Service.ListAsync(Supervisor, TriageListFilter.Pending, 10, default));
        Assert.Contains(await _store.ReadAuditAsync(10, default), a => a.Action == "review.confirm");
    }

    [Fact]
    public async Task Review_OverrideNeedsAReasonAndAnotherLevel_ETH08()
    {
        var id = await AddAsync(RiskLevel.Low, RiskLevel.High);
        Assert.Equal(TriageReviewOutcome.ReasonRequired, await Service.OverrideAsync(Supervisor, id, RiskLevel.Medium, "  ", default));
        Assert.Equal(TriageReviewOutcome.SameLevel, await Service.OverrideAsync(Supervisor, id, RiskLevel.High, "同じ", default));
        Assert.Equal(TriageReviewOutcome.Recorded, await Service.OverrideAsync(Supervisor, id, RiskLevel.Medium, "冗談の文脈だった", default));
        Assert.Equal(TriageReviewOutcome.NotFound, await Service.ConfirmAsync(Supervisor, 999, default));

        var review = (await _store.GetAsync(id, default))!.Review!;
        Assert.Equal((TriageReviewDecision.Overridden, RiskLevel.Medium, "冗談の文脈だった"), (review.Decision, review.Level, review.Reason));
    }

    [Fact]
    public void Agreement_TextbookKappa_ETH08()
    {
        // 50 reviews: both high 20, AI high / supervisor low 5, AI low / supervisor high 10, both low 15.
        // po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4.
        var a = new TriageAgreement("v1");
        Add(a, RiskLevel.High, RiskLevel.High, 20);
        Add(a, RiskLevel.High, RiskLevel.Low, 5);
        Add(a, RiskLevel.Low, RiskLevel.High, 10);
        Add(a, RiskLevel.Low, RiskLevel.Low, 15);

        Assert.Equal(50, a.Total);
        Assert.Equal(0.7, a.ObservedAgreement!.Value, 9);
        Assert.Equal(0.4, a.Kappa!.Value, 9);
        Assert.Equal(5, a[RiskLevel.High, RiskLevel.Low]);
        Assert.Contains("kappa: 0.400", a.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_PerfectAndEmpty_ETH08()
    {
        var perfect = new TriageAgreement("v1");
        Add(perfect, RiskLevel.High, RiskLevel.High, 3);
        Add(perfect, RiskLevel.Low, RiskLevel.Low, 3);
        Assert.Equal(1.0, perfect.Kappa!.Value, 9);
        Assert.Equal(1.0, perfect.QuadraticWeightedKappa!.Value, 9);
        Assert.Null(new TriageAgreement("v1").Kappa);
    }

    [Fact]
    public void Agreement_WeightedKappaCountsNearMissesPartly_ETH08()
    {
        var near = new TriageAgreement("v1");
        var far = new TriageAgreement("v1");
        foreach (var (ai, sv) in new[] { (RiskLevel.None, RiskLevel.None), (RiskLevel.Critical, RiskLevel.Critical), (RiskLevel.Medium, RiskLevel.Medium) })
        {
            near.Add(ai, sv);
            far.Add(ai, sv);
        }

        near.Add(RiskLevel.High, RiskLevel.Critical);
        far.Add(RiskLevel.None, RiskLevel.Critical);
        Assert.Equal(near.ObservedAgreement, far.ObservedAgreement);
        Assert.True(near.QuadraticWeightedKappa > far.QuadraticWeightedKappa);
    }

    [Fact]
    public async Task Agreement_IsPerPromptVersion_ETH08()
    {
        var v1 = await AddAsync(RiskLevel.Low, RiskLevel.High, "v1");
        var v2 = await AddAsync(RiskLevel.Low, RiskLevel.High, "v2");
        await AddAsync(RiskLevel.Low, RiskLevel.High, "v2");
        await Service.ConfirmAsync(Supervisor, v1, default);
        await Service.OverrideAsync(Supervisor, v2, RiskLevel.Low, "過大評価", default);

        var agreement = await Service.AgreementAsync(default);
        Assert.Equal(["v1", "v2"], agreement.Select(a => a.PromptVersion));
        Assert.Equal(1, agreement[0][RiskLevel.High, RiskLevel.High]);
        Assert.Equal(1, agreement[1][RiskLevel.High, RiskLevel.Low]);
        Assert.Equal(1, agreement[1].Total);
    }

    [Fact]
    public async Task Csv_HasOneRowPerReviewAndNoExcerptsByDefault_ETH08()
    {
        var id = await AddAsync(RiskLevel.Low, RiskLevel.High, excerpt: "［名前］さんに殴られた, \"毎日\"");
        await Service.OverrideAsync(Supervisor, id, RiskLevel.Medium, "=HYPERLINK(\"x\")", default);
        await AddAsync(RiskLevel.Low, RiskLevel.High);

        var without = new StringWriter();
        Assert.True(await Service.ExportCsvAsync(Supervisor, without, includeExcerpts: false, default));
        var lines = without.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,created_at,prompt_version,model,rule_level,ai_level", lines[0], StringComparison.Ordinal);
        Assert.Contains(",v1,test-model,low,high,high,true,0.7,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",overridden,medium,\"'=HYPERLINK(\"\"x\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[1], StringComparison.Ordinal);

        var with = new StringWriter();
        await Service.ExportCsvAsync(Supervisor, with, includeExcerpts: true, default);
        Assert.Contains("\"［名前］さんに殴られた, \"\"毎日\"\"\"", with.ToString(), StringComparison.Ordinal);
        Assert.Contains(await _store.ReadAuditAsync(10, default), a => a.Action == "export.with-excerpts");
    }

    [Fact]
    public async Task Retention_ErasesTextsOfReviewedJudgementsOnly_ETH10()
    {
        var reviewed = await AddAsync(RiskLevel.Low, RiskLevel.High);
        var pending = await AddAsync(RiskLevel.Low, RiskLevel.High);
        await Service.ConfirmAsync(Supervisor, reviewed, default);

        Assert.Equal(1, await _store.EraseTextsOlderThanAsync(Start.AddDays(1), default));
        var erased = (await _store.GetAsync(reviewed, default))!;
        Assert.Equal((string.Empty, string.Empty), (erased.Rationale, erased.Excerpt));
        Assert.Equal(RiskLevel.High, erased.Review!.Level);
        Assert.NotEmpty((await _store.GetAsync(pending, default))!.Excerpt);
    }

    private static void Add(TriageAgreement a, RiskLevel ai, RiskLevel supervisor, int n)
    {
        for (var i = 0; i < n; i++)
        {
            a.Add(ai, supervisor);
        }
    }

    private Task<long> AddAsync(RiskLevel rule, RiskLevel ai, string version = "v1", string excerpt = "［名前］さんに殴られた")
    {
        var judgement = new TriageJudgement(ai, [SupportCategory.Abuse], "暴力の被害に触れている。", 0.7, version, "test-model");
        var combined = TriageCombination.Combine(rule, judgement);
        return _store.AddAsync(new NewTriageRecord("conv-1", _clock.GetUtcNow(), rule, judgement, combined.Final, combined.RaisedByAi, Redactor.AlreadyRedacted(excerpt)), default);
    }
}
