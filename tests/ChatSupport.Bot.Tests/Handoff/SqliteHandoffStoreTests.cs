using System.Data.Common;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Bot.Tests.Handoff;

public sealed class SqliteHandoffStoreTests
{
    private static HandoffRequest Request(string id) => new(
        new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount(id), User = new ChannelAccount("u", null, RoleTypes.User) },
        HandoffReason.Risk,
        RiskLevel.Critical,
        [SupportCategory.Suicidal],
        ["死にたい"],
        "女性の相談員");

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Of_two_concurrent_claims_exactly_one_is_stored(StoreProvider provider)
    {
        var store = new SqliteHandoffStore(await TestStores.CreateAsync(provider));
        var session = HandoffSession.Create("c1", "directline", Request("c1").Conversation);
        session.Request(Request("c1"), DateTimeOffset.UtcNow);
        Assert.True(await store.TrySaveAsync(session));

        for (var round = 0; round < 10; round++)
        {
            var a = (await store.FindAsync("c1"))!;
            var b = (await store.FindAsync("c1"))!;
            if (a.State == HandoffState.Counselor)
            {
                a.End(DateTimeOffset.UtcNow);
                Assert.True(await store.TrySaveAsync(a));
                a.Request(Request("c1"), DateTimeOffset.UtcNow);
                Assert.True(await store.TrySaveAsync(a));
                b = (await store.FindAsync("c1"))!;
                a = (await store.FindAsync("c1"))!;
            }

            a.Claim("sato", DateTimeOffset.UtcNow);
            b.Claim("suzuki", DateTimeOffset.UtcNow);
            var saved = await Task.WhenAll(Task.Run(() => store.TrySaveAsync(a)), Task.Run(() => store.TrySaveAsync(b)));
            Assert.Single(saved, s => s);
            var stored = (await store.FindAsync("c1"))!;
            Assert.Equal(saved[0] ? "sato" : "suzuki", stored.CounselorId);
        }
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_session_round_trips_and_lists_by_state(StoreProvider provider)
    {
        var store = new SqliteHandoffStore(await TestStores.CreateAsync(provider));
        var session = HandoffSession.Create("c1", "directline", Request("c1").Conversation);
        session.Request(Request("c1"), new DateTimeOffset(2026, 4, 1, 1, 2, 3, TimeSpan.Zero));
        Assert.True(await store.TrySaveAsync(session));
        Assert.False(await store.TrySaveAsync(HandoffSession.Create("c1", "directline", Request("c1").Conversation)));

        var read = (await store.FindAsync("c1"))!;
        Assert.Equal(HandoffState.Waiting, read.State);
        Assert.Equal(RiskLevel.Critical, read.Priority);
        Assert.Equal([SupportCategory.Suicidal], read.Categories);
        Assert.Equal(["死にたい"], read.MatchedTerms);
        Assert.Equal("女性の相談員", read.Preference);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 1, 2, 3, TimeSpan.Zero), read.WaitingSince);
        Assert.Equal("c1", read.Reference.Conversation!.Id);
        Assert.Equal(1, read.Version);
        Assert.Single(await store.ListAsync([HandoffState.Waiting]));
        Assert.Empty(await store.ListAsync([HandoffState.Counselor]));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_audit_log_is_append_only(StoreProvider provider)
    {
        var db = await TestStores.CreateAsync(provider);
        var audit = new SqliteAuditLog(db, TimeProvider.System);
        await audit.AppendAsync("sato", AuditActions.Claim, "c1");
        await audit.AppendAsync("boss", AuditActions.Observe, "c1");
        Assert.Equal(["observe", "claim"], (await audit.ReadAsync(10)).Select(e => e.Action));

        await using var connection = await db.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_log;";
        Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());
        command.CommandText = "UPDATE audit_log SET actor = 'x';";
        Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());
    }
}
