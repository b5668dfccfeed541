using System.Data.Common;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Triage;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Tests.Triage;

public sealed class SqliteTriageStoreTests
{
    private static readonly TriageActor Supervisor = new("sv-1", TriageRole.Supervisor);

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Review_RoundTripsThroughSqlite_ETH08(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var store = new SqliteTriageStore(database);
        var service = new TriageReviewService(store, store, TimeProvider.System);
        var judgement = new TriageJudgement(RiskLevel.High, [SupportCategory.Suicidal, SupportCategory.Abuse], "希死念慮の表現がある。", 0.75, "v1", "m1");
        var at = DateTimeOffset.Parse("2026-01-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var id = await store.AddAsync(new NewTriageRecord("conv-9", at, RiskLevel.Medium, judgement, RiskLevel.High, true, Redactor.Redact("田中さんが怖い").Text), default);

        var pending = Assert.Single(await service.ListAsync(new TriageActor("co-1", TriageRole.Counselor), TriageListFilter.Pending, 10, default));
        Assert.Equal((id, "conv-9", at, RiskLevel.Medium, RiskLevel.High, true), (pending.Id, pending.ConversationId, pending.CreatedAt, pending.RuleLevel, pending.AiLevel, pending.RaisedByAi));
        Assert.Equal([SupportCategory.Suicidal, SupportCategory.Abuse], pending.Categories);
        Assert.Equal("［名前］さんが怖い", pending.Excerpt);

        Assert.Equal(TriageReviewOutcome.Recorded, await service.OverrideAsync(Supervisor, id, RiskLevel.Critical, "時刻に触れている", default));
        Assert.Equal(TriageReviewOutcome.AlreadyReviewed, await service.ConfirmAsync(Supervisor, id, default));
        var reviewed = (await store.GetAsync(id, default))!;
        Assert.Equal((TriageReviewDecision.Overridden, RiskLevel.Critical, "時刻に触れている", "sv-1"), (reviewed.Review!.Decision, reviewed.Review.Level, reviewed.Review.Reason, reviewed.Review.ReviewerId));
        Assert.Equal(1, (await service.AgreementAsync(default)).Single()[RiskLevel.High, RiskLevel.Critical]);
        Assert.Equal(id, (await store.LatestForConversationAsync("conv-9", default))!.Id);

        Assert.Equal(1, await store.EraseTextsOlderThanAsync(at.AddDays(91), default));
        Assert.Equal(string.Empty, (await store.GetAsync(id, default))!.Excerpt);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task OptOut_IsStoredOnce_ETH04(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        await new SqliteTriageStore(database).OptOutAsync("line", "U1", DateTimeOffset.UtcNow, default);
        await new SqliteTriageStore(database).OptOutAsync("line", "U1", DateTimeOffset.UtcNow, default);
        var fresh = new SqliteTriageStore(database);
        Assert.True(await fresh.IsOptedOutAsync("line", "U1", default));
        Assert.False(await fresh.IsOptedOutAsync("line", "U2", default));
        Assert.False(await fresh.IsOptedOutAsync("directline", "U1", default));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task KillSwitch_PersistsAndTheAuditLogIsAppendOnly_ETH03(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var killSwitch = new TriageKillSwitch(new SqliteTriageStore(database), TimeProvider.System);
        await killSwitch.StopAsync(Supervisor, "停止", default);

        var reloaded = new TriageKillSwitch(new SqliteTriageStore(database), TimeProvider.System);
        await reloaded.LoadAsync(default);
        Assert.True(reloaded.IsStopped);

        await using var connection = await database.OpenAsync();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM triage_audit;";
        await Assert.ThrowsAnyAsync<DbException>(() => delete.ExecuteNonQueryAsync());
    }
}
