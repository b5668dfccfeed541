using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Postgres;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Handoff;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Bot.Tests.Storage;

/// <summary>
/// The stores' behaviour, once per provider: the same assertions against the embedded SQLite file and a private
/// PostgreSQL server (see also the state, transcript, handoff and triage store tests, which run on both).
/// </summary>
public sealed class StoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Conversations_are_registered_once_and_found_again(StoreProvider provider)
    {
        var store = new SqliteTranscriptStore(await TestStores.CreateAsync(provider), TimeProvider.System);
        Assert.True(await store.TryCreateAsync(new ConversationRecord("c1", "directline", "u1", T0)));
        Assert.False(await store.TryCreateAsync(new ConversationRecord("c1", "line", "u2", T0.AddHours(1))));
        Assert.Equal(new ConversationRecord("c1", "directline", "u1", T0), await store.FindAsync("c1"));
        Assert.Null(await store.FindAsync("c2"));
        Assert.Equal(0, await store.GetLastSequenceAsync("c1"));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Console_accounts_sign_in_lock_out_and_keep_their_status(StoreProvider provider)
    {
        var clock = new FakeTimeProvider(T0);
        var accounts = new ConsoleAccounts(await TestStores.CreateAsync(provider), clock, new ConsoleOptions { MaxFailedSignIns = 3 });
        Assert.False(await accounts.AnyAsync());
        Assert.Null(await accounts.AddAsync("sato", CounselorRole.Counselor, "a long enough password"));
        Assert.NotNull(await accounts.AddAsync("sato", CounselorRole.Supervisor, "another long password"));
        Assert.True(await accounts.AnyAsync());

        Assert.Equal(CounselorStatus.Away, (await accounts.FindAsync("sato"))!.Status);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("sato", "a long enough password")).Outcome);
        Assert.Equal(CounselorStatus.Available, (await accounts.FindAsync("sato"))!.Status);
        Assert.True((await accounts.FindAsync("sato"))!.CanTakeConversations);

        // Presence: a console not heard from for the window no longer counts, though the status still says available.
        clock.Advance(CounselorPresence.Window + TimeSpan.FromSeconds(1));
        Assert.False((await accounts.FindAsync("sato"))!.InConsole);
        Assert.False((await accounts.ListAsync()).Single().CanTakeConversations);
        await accounts.SeenAsync("sato");
        Assert.True((await accounts.FindAsync("sato"))!.CanTakeConversations);

        Assert.True(await accounts.SetStatusAsync("sato", CounselorStatus.Away));
        Assert.False(await accounts.SetStatusAsync("nobody", CounselorStatus.Away));
        Assert.False((await accounts.FindAsync("sato"))!.CanTakeConversations);

        Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("sato", "wrong password!!")).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("sato", "wrong password!!")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("sato", "wrong password!!")).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("sato", "a long enough password")).Outcome);
        Assert.True((await accounts.ListAsync()).Single().LockedOut);
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("sato", "a long enough password")).Outcome);
        Assert.Equal(CounselorRole.Counselor, (await accounts.ListAsync()).Single().Role);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Notes_canned_responses_and_the_audit_log_read_back_in_order(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var workspace = new SqliteConsoleWorkspace(database, new FakeTimeProvider(T0));
        var first = await workspace.AddAsync("c1", "sato", "眠れていない様子。");
        await workspace.AddAsync("c2", "sato", "別の会話");
        await workspace.AddAsync("c1", "boss", "明日も様子を見る");
        var notes = await workspace.ListAsync("c1");
        Assert.Equal(["眠れていない様子。", "明日も様子を見る"], notes.Select(n => n.Text));
        Assert.Equal((first.Id, "sato", T0), (notes[0].Id, notes[0].Author, notes[0].At));

        await workspace.ReplaceAsync([("あいさつ", "こんばんは。"), ("終わり", "また話してね。")], "boss");
        await workspace.ReplaceAsync([("あいさつ", "こんにちは。")], "boss");
        Assert.Equal([("あいさつ", "こんにちは。")], (await workspace.ListAsync()).Select(r => (r.Title, r.Text)));

        var audit = new SqliteAuditLog(database, new FakeTimeProvider(T0));
        await audit.AppendAsync("sato", AuditActions.Claim, "c1");
        await audit.AppendAsync("sato", AuditActions.Claim, "c2", "detail");
        await audit.AppendAsync("boss", AuditActions.Observe, "c1");
        var forC1 = await audit.ReadAsync(10, conversationId: "c1");
        Assert.Equal(["observe", "claim"], forC1.Select(e => e.Action));
        var older = await audit.ReadAsync(10, beforeId: forC1[0].Id);
        Assert.Equal([("c2", "detail"), ("c1", (string?)null)], older.Select(e => (e.ConversationId!, e.Detail)));
        Assert.Equal(T0, older[0].At);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_line_inbox_deduplicates_and_the_outbox_is_committed_with_the_event(StoreProvider provider)
    {
        var line = new LineStore(await TestStores.CreateAsync(provider));
        Assert.Equal(2, await line.StoreEventsAsync([new("e1", "line:a", "{\"n\":1}"), new("e2", "line:a", "{\"n\":2}")], T0));
        Assert.Equal(1, await line.StoreEventsAsync([new("e1", "line:a", "{\"n\":1}"), new("e3", "line:b", "{\"n\":3}")], T0));
        var pending = await line.PendingEventsAsync(10);
        Assert.Equal(["e1", "e2", "e3"], pending.Select(e => e.WebhookEventId));
        Assert.Equal((T0, 0, (long?)null), (pending[0].ReceivedAt, pending[0].Attempts, pending[0].TranscriptSeq));

        await line.SetTranscriptSeqAsync(pending[0].Seq, 7);
        Assert.Equal(1, await line.CountEventAttemptAsync(pending[0].Seq));
        Assert.Equal(2, await line.CountEventAttemptAsync(pending[0].Seq));
        await line.CompleteEventAsync(pending[0].Seq, LineInboxState.Done, "line:a", [new("[{\"type\":\"text\"}]", "token", T0.AddMinutes(1)), new("[]", null, null)], T0);
        var left = await line.PendingEventsAsync(10);
        Assert.Equal(["e2", "e3"], left.Select(e => e.WebhookEventId));
        Assert.Equal(new Dictionary<string, int> { ["done"] = 1, ["pending"] = 2 }, await line.CountEventsAsync());

        var outbox = await line.PendingOutboxAsync("line:a");
        Assert.Equal(2, outbox.Count);
        Assert.Equal(("token", T0.AddMinutes(1), false, 0), (outbox[0].ReplyToken, outbox[0].ReplyDeadline, outbox[0].ReplyAttempted, outbox[0].Attempts));
        Assert.NotEqual(outbox[0].RetryKey, outbox[1].RetryKey);
        await line.MarkReplyAttemptedAsync(outbox[0].Id);
        await line.CountOutboxAttemptAsync(outbox[0].Id);
        outbox = await line.PendingOutboxAsync("line:a");
        Assert.Equal((true, 1), (outbox[0].ReplyAttempted, outbox[0].Attempts));
        await line.MarkSentAsync(outbox[0].Id, "push", T0);
        await line.EnqueueAsync("line:b", [new("[]", null, null)], T0);
        Assert.Equal(["line:a", "line:b"], await line.ConversationsWithPendingOutboxAsync());
        await line.DropPendingOutboxAsync("line:a");
        await line.MarkOutboxFailedAsync((await line.PendingOutboxAsync("line:b")).Single().Id);
        Assert.Equal([("sent", "push"), ("dropped", (string?)null)], (await line.ListOutboxAsync("line:a")).Select(o => (o.State, o.Method)));
        Assert.Empty(await line.ConversationsWithPendingOutboxAsync());

        await line.UpsertUserAsync("line:a", "Uaaa", null, T0);
        await line.SetMarkAsReadTokenAsync("line:a", "mark-1");
        Assert.Equal(new LineUser("line:a", "Uaaa", true, "mark-1"), await line.FindUserAsync("line:a"));
        await line.UpsertUserAsync("line:a", "Uaaa", false, T0.AddHours(1));
        Assert.False((await line.FindUserAsync("line:a"))!.Following);
        await line.UpsertUserAsync("line:a", "Uaaa", null, T0.AddHours(2));
        Assert.False((await line.FindUserAsync("line:a"))!.Following);
        Assert.Null(await line.FindUserAsync("line:z"));
    }

    [Theory]
    [PostgresStore]
    public async Task Nodes_starting_at_once_migrate_once_and_the_append_only_tables_refuse_truncate(StoreProvider provider)
    {
        Assert.Equal(StoreProvider.Postgres, provider);
        var connectionString = await (await PrivateServers.PostgresAsync()).CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString)).ToList();
        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateAsync(TestStores.Features))));
        await nodes[0].MigrateAsync(TestStores.Features);

        await using var connection = await nodes[1].OpenAsync();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT id) FROM store_migrations;";
        await using (var reader = await count.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(StoreMigrationPlan.Order(TestStores.Features).Count, reader.GetInt64(0));
            Assert.Equal(StoreMigrationPlan.Order(TestStores.Features).Count, reader.GetInt64(1));
        }

        foreach (var table in new[] { "activities", "audit_log", "triage_audit" })
        {
            using var truncate = connection.CreateCommand();
            truncate.CommandText = $"TRUNCATE {table};";
            await Assert.ThrowsAnyAsync<DbException>(() => truncate.ExecuteNonQueryAsync());
        }

        Assert.True(await nodes[2].IsReachableAsync(CancellationToken.None));
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Theory]
    [PostgresStore]
    public async Task A_work_lease_is_held_by_one_node_until_it_expires_then_another_node_takes_it(StoreProvider provider)
    {
        var clock = new FakeTimeProvider(T0);
        var database = await TestStores.CreateAsync(provider);
        var nodeA = new WorkLeases(database, clock);
        var nodeB = new WorkLeases(database, clock);
        Assert.True(await nodeA.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60)));
        Assert.False(await nodeB.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60)));
        Assert.True(await nodeB.TryHoldAsync("other-work", TimeSpan.FromSeconds(60)));

        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await nodeA.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60))); // renewed
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await nodeB.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60)));

        clock.Advance(TimeSpan.FromSeconds(61)); // node A stopped renewing (it died)
        var takers = await Task.WhenAll(Task.Run(() => nodeB.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60))), Task.Run(() => new WorkLeases(database, clock).TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60))));
        Assert.Single(takers, t => t);
        Assert.False(await nodeA.TryHoldAsync("line-inbox", TimeSpan.FromSeconds(60)));

        await nodeB.ReleaseAsync("line-inbox");
        await nodeB.ReleaseAsync("other-work");
        Assert.True(await nodeA.TryHoldAsync("other-work", TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Through_the_host_a_counselor_created_by_the_cli_claims_once_and_the_reply_reaches_the_person(StoreProvider provider)
    {
        await using var factory = ConsoleClient.NewFactory(settings: await TestStores.HostSettingsAsync(provider));
        _ = factory.Server;
        await ConsoleClient.AddAccountAsync(factory, "sato", "counselor");
        await ConsoleClient.AddAccountAsync(factory, "suzuki", "counselor");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync(HandoffTestBot.AskForHuman);

        var sato = await ConsoleClient.SignInAsync(factory, "sato");
        var suzuki = await ConsoleClient.SignInAsync(factory, "suzuki");
        var claims = await Task.WhenAll(
            sato.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null),
            suzuki.PostAsync($"/api/console/conversations/{person.ConversationId}/claim", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], claims.Select(c => c.StatusCode).Order());
        var holder = claims[0].StatusCode == HttpStatusCode.OK ? sato : suzuki;

        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"/api/console/conversations/{person.ConversationId}/messages", new { text = "話してくれてありがとう。" })).StatusCode);
        await ConsoleClient.WaitUntilAsync(
            async () => (await person.BotMessagesAsync()).Any(m => m.Text == "話してくれてありがとう。"),
            "the counselor's reply");
    }
}
