using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.DataLifecycle;
using ChatSupport.Bot.Storage;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.State;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Tests.Storage;

/// <summary>
/// The SQLite store keeps its hot statements compiled on a few long-lived connections, rented per operation
/// (<see cref="SqliteDatabase.RentAsync"/>). What a person would notice if that went wrong: a message or reply lost,
/// an answer from before a change, a turn stuck behind a lock, an erasure that leaves text behind.
/// </summary>
public sealed class SqliteSessionTests
{
    private static readonly DateTimeOffset CreatedAt = DateTimeOffset.Parse("2026-05-01T12:00:00+00:00", CultureInfo.InvariantCulture);

    private static async Task<SqliteDatabase> NewDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N"), "store.db");
        var database = new SqliteDatabase($"Data Source={path}");
        await database.MigrateAsync(TestStores.Features);
        return database;
    }

    /// <summary>A Direct Line turn's writes as the host makes them: the message with its mark, the reply clearing it, the state.</summary>
    private static async Task TurnAsync(DirectLineSessions sessions, SqliteStorage state, string conversationId, int turn)
    {
        var message = Activity.CreateMessage($"{conversationId} 質問 {turn}");
        var stored = await sessions.AppendPendingAsync(conversationId, message);
        var key = $"directline/conversations/{conversationId}";
        var read = await state.ReadAsync([key]);
        await state.WriteAsync(new Dictionary<string, StoreItem>
        {
            [key] = new(new() { ["turn"] = turn }, read.TryGetValue(key, out var item) ? item.ETag : StoreItem.Absent),
        });
        await sessions.AppendReplyAsync(conversationId, message.CreateReply($"{conversationId} 答え {turn}"));
        await sessions.CompleteAsync(conversationId, stored.Sequence);
    }

    private static async Task<(long Busy, long Log, long Moved)> TruncateCheckpointAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenSqliteAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    [Fact]
    public async Task The_statements_of_a_turn_and_its_poll_stay_compiled_between_runs()
    {
        // SQLite compiles a statement again before its next run when a parameter its planner read was bound (a bound
        // LIMIT): a kept statement must not need that, or it is compiled on every call after all.
        var database = await NewDatabaseAsync();
        var transcript = new SqliteTranscriptStore(database, TimeProvider.System);
        var sessions = new DirectLineSessions(database, transcript, TimeProvider.System);
        var state = new SqliteStorage(database);
        await transcript.TryCreateAsync(new ConversationRecord("c1", "directline", "u1", CreatedAt));
        for (var turn = 1; turn <= 6; turn++)
        {
            await TurnAsync(sessions, state, "c1", turn);
            await sessions.FindAsync("c1");
            var (_, _, page) = await sessions.FindWithActivitiesAsync("c1", turn, 100);
            Assert.Equal(turn, page.Count);
            Assert.Equal(2 * turn, (await transcript.ReadAsync("c1", 0, 100)).Count);
        }

        const int StatusReprepare = 5; // SQLITE_STMTSTATUS_REPREPARE
        const int StatusRun = 6; // SQLITE_STMTSTATUS_RUN
        var recompiled = new List<string>();
        long runs = 0;
        var rented = new List<StoreSession>();
        while (database.IdleSessions > 0)
        {
            rented.Add(await database.RentAsync());
        }

        var statements = typeof(Microsoft.Data.Sqlite.SqliteCommand).GetField("_preparedStatements", BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var session in rented)
        {
            var kept = (IDictionary)session.GetType().GetField("_prepared", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(session)!;
            foreach (DictionaryEntry entry in kept)
            {
                foreach (var item in (IEnumerable)statements.GetValue(entry.Value)!)
                {
                    var statement = (SQLitePCL.sqlite3_stmt)item!.GetType().GetField("Item1")!.GetValue(item)!;
                    runs += SQLitePCL.raw.sqlite3_stmt_status(statement, StatusRun, 0);
                    if (SQLitePCL.raw.sqlite3_stmt_status(statement, StatusReprepare, 0) > 0)
                    {
                        recompiled.Add((string)entry.Key);
                    }
                }
            }

            await session.DisposeAsync();
        }

        Assert.True(runs >= 6 * 10, $"only {runs} runs seen");
        Assert.Empty(recompiled);
    }

    [Fact]
    public async Task Kept_statements_answer_rightly_after_an_erasure_rebuilt_the_file_and_its_append_only_triggers()
    {
        var database = await NewDatabaseAsync();
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        var sessions = new DirectLineSessions(database, store, TimeProvider.System);
        var state = new SqliteStorage(database);
        await store.TryCreateAsync(new ConversationRecord("keep", "directline", "u1", CreatedAt));
        await store.TryCreateAsync(new ConversationRecord("gone", "directline", "u2", CreatedAt));
        for (var turn = 1; turn <= 3; turn++)
        {
            await TurnAsync(sessions, state, "keep", turn);
            await TurnAsync(sessions, state, "gone", turn);
        }

        Assert.True(database.IdleSessions > 0, "the turns left compiled statements on kept connections");

        // The erasure drops and re-creates the append-only triggers and rebuilds the file (VACUUM) on its own connection.
        await new SqliteDataLifecycle(database, TimeProvider.System).EraseConversationAsync("gone");

        for (var turn = 4; turn <= 6; turn++)
        {
            await TurnAsync(sessions, state, "keep", turn);
        }

        var kept = await store.ReadAsync("keep", 0, 100);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), kept.Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(1, 6).SelectMany(t => new[] { $"keep 質問 {t}", $"keep 答え {t}" }),
            kept.Select(e => e.Activity.Text));
        Assert.Equal(6, (int)(await state.ReadAsync(["directline/conversations/keep"]))["directline/conversations/keep"].Data["turn"]!);
        Assert.Equal(12, await store.GetLastSequenceAsync("keep"));
        Assert.Empty(await sessions.OrphanedAsync(TimeSpan.Zero, 10));

        // The erased conversation is gone for the kept statements too, and starts over if it comes back.
        Assert.Empty(await store.ReadAsync("gone", 0, 100));
        Assert.Equal((null, false), await sessions.FindAsync("gone"));
        Assert.Empty(await state.ReadAsync(["directline/conversations/gone"]));
        Assert.Equal(1, (await store.AppendAsync("gone", TranscriptDirection.Inbound, Activity.CreateMessage("また来た"))).Sequence);

        // The triggers the erasure restored still guard the transcript, on a kept connection as on any other.
        await using (var session = await database.RentAsync())
        {
            var update = session.Command("UPDATE activities SET activity = '{}' WHERE conversation_id = 'keep';");
            await Assert.ThrowsAnyAsync<DbException>(() => update.ExecuteNonQueryAsync());
        }

        Assert.Equal("keep 質問 1", (await store.ReadAsync("keep", 0, 1))[0].Activity.Text);
    }

    [Fact]
    public async Task Concurrent_turns_on_the_kept_connections_lose_nothing_and_leave_no_lock_or_snapshot_behind()
    {
        var database = await NewDatabaseAsync();
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        var sessions = new DirectLineSessions(database, store, TimeProvider.System);
        var state = new SqliteStorage(database);
        const int Conversations = 16, Turns = 15;
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            var id = $"c{c}";
            await store.TryCreateAsync(new ConversationRecord(id, "directline", $"u{c}", CreatedAt));
            for (var turn = 1; turn <= Turns; turn++)
            {
                Assert.Equal($"u{c}", (await sessions.FindAsync(id)).Conversation?.UserId);
                await TurnAsync(sessions, state, id, turn);
                var seen = await store.ReadAsync(id, (turn - 1) * 2, 100);
                Assert.Equal([$"{id} 質問 {turn}", $"{id} 答え {turn}"], seen.Select(e => e.Activity.Text));
            }
        })));

        for (var c = 0; c < Conversations; c++)
        {
            var entries = await store.ReadAsync($"c{c}", 0, 1000);
            Assert.Equal(Enumerable.Range(1, Turns * 2).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Equal(Turns, (int)(await state.ReadAsync([$"directline/conversations/c{c}"]))[$"directline/conversations/c{c}"].Data["turn"]!);
        }

        Assert.Empty(await sessions.OrphanedAsync(TimeSpan.Zero, 100));
        Assert.InRange(database.IdleSessions, 1, SqliteSessions.MaxIdle);

        // The idle connections hold no read snapshot and no lock: the whole log goes into the file and is emptied.
        Assert.Equal((0L, 0L, 0L), await TruncateCheckpointAsync(database));
    }

    [Fact]
    public async Task A_connection_given_back_inside_a_transaction_or_with_a_reader_open_is_closed_and_its_unfinished_write_is_rolled_back()
    {
        var database = await NewDatabaseAsync();
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        var state = new SqliteStorage(database);
        await store.AppendAsync("c", TranscriptDirection.Inbound, Activity.CreateMessage("一"));
        var idle = database.IdleSessions;

        // A transaction never committed nor disposed: nothing of it stays, and the write lock is free again.
        var session = await database.RentAsync();
        var transaction = await session.Connection.BeginTransactionAsync();
        var insert = session.Command("INSERT INTO state (key, data, version) VALUES ($key, '{}', 1);", transaction);
        insert.Parameters.AddWithValue("$key", "unfinished");
        await insert.ExecuteNonQueryAsync();
        await session.DisposeAsync();
        Assert.Equal(idle - 1, database.IdleSessions); // that connection was closed, not kept
        Assert.Empty(await state.ReadAsync(["unfinished"]));
        await store.AppendAsync("c", TranscriptDirection.Outbound, Activity.CreateMessage("二"));

        // A reader left open would hold a read snapshot: that connection is closed rather than kept.
        var reading = await database.RentAsync();
        var select = reading.Command("SELECT seq FROM activities WHERE conversation_id = $c ORDER BY seq;");
        select.Parameters.AddWithValue("$c", "c");
        var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        idle = database.IdleSessions;
        await reading.DisposeAsync();
        Assert.Equal(idle, database.IdleSessions);
        await store.AppendAsync("c", TranscriptDirection.Inbound, Activity.CreateMessage("三"));
        Assert.Equal((0L, 0L, 0L), await TruncateCheckpointAsync(database));

        Assert.Equal(["一", "二", "三"], (await store.ReadAsync("c", 0, 10)).Select(e => e.Activity.Text));
    }

    [Fact]
    public async Task A_session_transaction_commits_rolls_back_and_is_rolled_back_when_left_open_like_the_drivers_own()
    {
        var database = await NewDatabaseAsync();
        var state = new SqliteStorage(database);

        async Task InsertAsync(StoreSession session, DbTransaction transaction, string key)
        {
            var insert = session.Command("INSERT INTO state (key, data, version) VALUES ($key, '{}', 1);", transaction);
            insert.Parameters.AddWithValue("$key", key);
            await insert.ExecuteNonQueryAsync();
        }

        // Committed: seen by everyone; until then, only inside the transaction (another connection reads the old snapshot).
        await using (var session = await database.RentAsync())
        {
            await using var transaction = await session.BeginTransactionAsync();
            await InsertAsync(session, transaction, "committed");
            Assert.Empty(await state.ReadAsync(["committed"]));
            await transaction.CommitAsync();
            Assert.Throws<InvalidOperationException>(() => transaction.Commit());
        }

        Assert.Single(await state.ReadAsync(["committed"]));

        // Rolled back, and disposed without a commit (an exception in the middle of a write): nothing stays, the lock is
        // free, and the kept connection goes back to the pool usable.
        for (var round = 0; round < 2; round++)
        {
            var idle = database.IdleSessions;
            await using (var session = await database.RentAsync())
            {
                await using var transaction = await session.BeginTransactionAsync();
                await InsertAsync(session, transaction, "gone");
                if (round == 0)
                {
                    await transaction.RollbackAsync();
                }
            }

            Assert.Equal(idle, database.IdleSessions);
            Assert.Empty(await state.ReadAsync(["gone"]));
            await state.WriteAsync(new Dictionary<string, StoreItem> { ["after"] = new(new() { ["round"] = round }, null) });
        }

        // Left open when the session is given back: the connection is closed (SQLite rolls back), not kept.
        var before = database.IdleSessions;
        var open = await database.RentAsync();
        var left = await open.BeginTransactionAsync();
        await InsertAsync(open, left, "unfinished");
        await open.DisposeAsync();
        Assert.Equal(before - 1, database.IdleSessions);
        Assert.Empty(await state.ReadAsync(["unfinished"]));

        // A write that fails inside the transaction (a duplicate key) leaves nothing of it once disposed.
        await Assert.ThrowsAnyAsync<DbException>(async () =>
        {
            await using var session = await database.RentAsync();
            await using var transaction = await session.BeginTransactionAsync();
            await InsertAsync(session, transaction, "first");
            await InsertAsync(session, transaction, "committed");
            await transaction.CommitAsync();
        });
        Assert.Empty(await state.ReadAsync(["first"]));
        Assert.Equal((0L, 0L, 0L), await TruncateCheckpointAsync(database));
        Assert.Equal(2, (int)(await state.ReadAsync(["after"]))["after"].Data["round"]! + 1);
    }

    [Fact]
    public async Task Kept_connections_have_the_stores_settings_and_the_store_works_on_after_one_is_closed_or_all_are()
    {
        var database = await NewDatabaseAsync();
        var store = new SqliteTranscriptStore(database, TimeProvider.System);
        await using (var session = await database.RentAsync())
        {
            async Task<object?> PragmaAsync(string sql) => await session.Command(sql).ExecuteScalarAsync();
            Assert.Equal(1L, await PragmaAsync("PRAGMA foreign_keys;"));
            Assert.Equal(1L, await PragmaAsync("PRAGMA synchronous;")); // NORMAL, as every connection of the store
            Assert.Equal(0L, await PragmaAsync("PRAGMA wal_autocheckpoint;"));
            Assert.Equal("wal", await PragmaAsync("PRAGMA journal_mode;"));
        }

        await store.AppendAsync("c", TranscriptDirection.Inbound, Activity.CreateMessage("一"));

        // A kept connection closed under its operation is not kept; the next operation gets a working one.
        await using (var session = await database.RentAsync())
        {
            await session.Connection.CloseAsync();
        }

        await store.AppendAsync("c", TranscriptDirection.Outbound, Activity.CreateMessage("二"));

        // The same statement twice at once in one operation (its first reader still open): both answer.
        await using (var session = await database.RentAsync())
        {
            const string Sql = "SELECT activity FROM activities WHERE conversation_id = $c AND seq = $seq;";
            var first = session.Command(Sql);
            first.Parameters.AddWithValue("$c", "c");
            first.Parameters.AddWithValue("$seq", 1);
            await using var firstReader = await first.ExecuteReaderAsync();
            var second = session.Command(Sql);
            second.Parameters.AddWithValue("$c", "c");
            second.Parameters.AddWithValue("$seq", 2);
            await using var secondReader = await second.ExecuteReaderAsync();
            Assert.True(await firstReader.ReadAsync());
            Assert.True(await secondReader.ReadAsync());
            Assert.Contains("一", firstReader.GetString(0), StringComparison.Ordinal);
            Assert.Contains("二", secondReader.GetString(0), StringComparison.Ordinal);
        }

        // Given back twice by mistake: kept once, so no two operations can ever rent the same connection.
        var twice = await database.RentAsync();
        var idle = database.IdleSessions;
        await twice.DisposeAsync();
        await twice.DisposeAsync();
        Assert.Equal(idle + 1, database.IdleSessions);
        await using (var first = await database.RentAsync())
        await using (var second = await database.RentAsync())
        {
            Assert.NotSame(first.Connection, second.Connection);
        }

        // Every kept connection closed (the host stopping): the store still answers, on new connections.
        database.Dispose();
        Assert.Equal(0, database.IdleSessions);
        await store.AppendAsync("c", TranscriptDirection.Inbound, Activity.CreateMessage("三"));
        Assert.Equal(["一", "二", "三"], (await store.ReadAsync("c", 0, 10)).Select(e => e.Activity.Text));
    }
}
