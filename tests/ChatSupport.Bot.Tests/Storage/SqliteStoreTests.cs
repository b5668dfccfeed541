using System.Data.Common;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;

namespace ChatSupport.Bot.Tests.Storage;

public sealed class SqliteStoreTests
{
    private static async Task<SqliteDatabase> NewDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N"), "store.db");
        var database = new SqliteDatabase($"Data Source={path}");
        await database.MigrateAsync(TestStores.Features);
        return database;
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_migrating_twice_is_harmless()
    {
        var database = await NewDatabaseAsync();
        await database.MigrateAsync(TestStores.Features);
        await using var connection = await database.OpenSqliteAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        Assert.True(await database.IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Commits_never_checkpoint_and_the_background_checkpoint_moves_the_whole_log()
    {
        var database = await NewDatabaseAsync();
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        for (var i = 0; i < 300; i++)
        {
            await store.AppendAsync("c", TranscriptDirection.Outbound, Activity.CreateMessage(new string('x', 2000)));
        }

        await using var connection = await database.OpenSqliteAsync();
        using var auto = connection.CreateCommand();
        auto.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(0L, (long)(await auto.ExecuteScalarAsync())!);

        await database.CheckpointAsync();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(0, reader.GetInt32(0)); // not busy
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(2)); // every frame of the log is in the database file
        Assert.True(reader.GetInt64(1) > 0);
    }

    [Fact]
    public async Task Every_connection_has_the_stores_settings_when_reused_from_the_pool_and_after_the_pool_is_cleared()
    {
        var database = await NewDatabaseAsync();
        for (var round = 0; round < 3; round++)
        {
            await using (var connection = await database.OpenSqliteAsync())
            {
                Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
                Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;")); // NORMAL
                Assert.Equal(0L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
                if (round == 1)
                {
                    // The pool closes its connections: the next open gets a new one, which must be set up again.
                    Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
                }
            }
        }

        // Two connections at once: the second is a new one from the pool, set up as well.
        await using var first = await database.OpenSqliteAsync();
        await using var second = await database.OpenSqliteAsync();
        Assert.Equal(1L, await ScalarAsync(second, "PRAGMA foreign_keys;"));
        Assert.Equal(0L, await ScalarAsync(second, "PRAGMA wal_autocheckpoint;"));
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant pragmas of the test
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task State_writes_are_conditional_on_the_version_read(StoreProvider provider)
    {
        var storage = new SqliteStorage(await TestStores.CreateAsync(provider));
        var created = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 1 }, StoreItem.Absent) });
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 9 }, StoreItem.Absent) }));

        var read = await storage.ReadAsync(["k", "missing"]);
        Assert.Single(read);
        Assert.Equal(created["k"], read["k"].ETag);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 2 }, read["k"].ETag) });
        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(new() { ["v"] = 3 }, read["k"].ETag) }));
        Assert.Equal(2, (int)(await storage.ReadAsync(["k"]))["k"].Data["v"]!);
    }

    [Fact]
    public async Task A_state_delete_waits_its_turn_behind_the_writer_that_holds_the_store_and_does_not_block_a_thread()
    {
        var database = await NewDatabaseAsync();
        var storage = new SqliteStorage(database);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = new(new() { ["v"] = 1 }, null), ["b"] = new(new() { ["v"] = 2 }, null) });

        // A writer (a turn saving its messages) holds the store, with its write transaction open.
        var ticket = await database.EnterWriteAsync();
        await using var writer = await database.OpenSqliteAsync();
        await using var transaction = await writer.BeginTransactionAsync();

        // The delete queues behind it instead of running into SQLite's lock: the call returns at once (no thread
        // asleep inside the driver) and nothing is deleted while the other writer holds the store.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var delete = storage.DeleteAsync(["a", "b"]);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "the delete blocked its caller's thread");
        await Task.Delay(200);
        Assert.False(delete.IsCompleted);

        await transaction.CommitAsync();
        ticket.Dispose();
        await delete.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await storage.ReadAsync(["a", "b"]));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_conversation_and_its_revocation_are_read_together_and_a_revocation_by_another_node_is_seen(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        var here = new DirectLineSessions(database, store, TimeProvider.System);
        var otherNode = new DirectLineSessions(database, store, TimeProvider.System);
        var createdAt = DateTimeOffset.Parse("2026-05-01T12:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);
        await store.TryCreateAsync(new ConversationRecord("c1", "directline", "u1", createdAt));

        Assert.Equal((null, false), await here.FindAsync("never-started"));
        var (conversation, revoked) = await here.FindAsync("c1");
        Assert.False(revoked);
        Assert.Equal(new ConversationRecord("c1", "directline", "u1", createdAt), conversation);

        await otherNode.RevokeAsync("c1");
        (conversation, revoked) = await here.FindAsync("c1");
        Assert.True(revoked);
        Assert.Equal("u1", conversation?.UserId);

        // A token's conversation can be revoked before it was ever started.
        await otherNode.RevokeAsync("c2");
        Assert.Equal((null, true), await here.FindAsync("c2"));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_first_reply_to_a_pending_message_clears_its_mark_in_the_replys_own_transaction(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        var sessions = new DirectLineSessions(database, store, TimeProvider.System);
        async Task<long> PendingAsync()
        {
            await using var connection = await database.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM directline_pending WHERE conversation_id = 'c';";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        // Answered: the reply's transaction removes the mark, before the turn's end; the end then writes nothing.
        var message = Activity.CreateMessage("こんにちは");
        var asked = await sessions.AppendPendingAsync("c", message);
        Assert.Equal(1, await PendingAsync());
        var unrelated = Activity.CreateMessage("別の話");
        unrelated.ReplyToId = "other|0000001";
        await sessions.AppendReplyAsync("c", unrelated);
        Assert.Equal(1, await PendingAsync());
        await sessions.AppendReplyAsync("c", message.CreateReply("はい"));
        Assert.Equal(0, await PendingAsync());
        Assert.Empty(await sessions.OrphanedAsync(TimeSpan.Zero, 10));
        await sessions.CompleteAsync("c", asked.Sequence);
        Assert.Equal(0, await PendingAsync());

        // Not answered (the bot stayed silent): the turn's end removes the mark itself.
        var silent = await sessions.AppendPendingAsync("c", Activity.CreateMessage("..."));
        Assert.Equal(1, await PendingAsync());
        await sessions.CompleteAsync("c", silent.Sequence);
        Assert.Equal(0, await PendingAsync());

        Assert.Equal(asked.Sequence, DirectLineSessions.AnsweredSequence("c", asked.Id));
        Assert.Null(DirectLineSessions.AnsweredSequence("c", "c|12x"));
        Assert.Null(DirectLineSessions.AnsweredSequence("c", "cc|0000001"));
        Assert.Null(DirectLineSessions.AnsweredSequence("c", "c|1"));
        Assert.Null(DirectLineSessions.AnsweredSequence("c", null));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Concurrent_appends_get_consecutive_sequences_and_the_transcript_is_append_only(StoreProvider provider)
    {
        var database = await TestStores.CreateAsync(provider);
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            store.AppendAsync("c", TranscriptDirection.Inbound, Activity.CreateMessage($"m{i}")))));

        var entries = await store.ReadAsync("c", 0, 1000);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(50, entries.Select(e => e.Activity.Text).Distinct().Count());
        Assert.Equal("c|0000007", entries[6].Activity.Id);

        await using var connection = await database.OpenAsync();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE activities SET activity = '{}' WHERE conversation_id = 'c';";
        await Assert.ThrowsAnyAsync<DbException>(() => update.ExecuteNonQueryAsync());
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM activities;";
        await Assert.ThrowsAnyAsync<DbException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_transcript_survives_a_restart_of_the_host()
    {
        string conversationId;
        string token;
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        using (var first = new ChatSupportFactory(path, "echo"))
        {
            var client = await DirectLineClient.StartAsync(first);
            await client.SayAsync("覚えていてね");
            (conversationId, token) = (client.ConversationId!, client.Token!);
        }

        using var second = new ChatSupportFactory(path, "echo");
        var http = second.CreateClientWith(token);
        var json = await http.GetStringAsync($"/v3/directline/conversations/{conversationId}/activities");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(json, "覚えていてね"));
    }
}
