using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.BotKit.Dialogs;
using ChatSupport.BotKit.State;
using ChatSupport.BotKit.Turns;
using ChatSupport.Dialogs.Consultation;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Storage;
using ChatSupport.Domain.Support;

namespace ChatSupport.Bot.Tests.Storage;

/// <summary>
/// Bot state and stored activities keep exactly what the dialogs and the person see, now that the state's text is
/// made once per turn (and taken from the store on load) and an activity is serialized once when it is stored.
/// </summary>
public sealed class StateAndActivityStorageTests
{
    private const string Tricky = "こんにちは、死にたい…😢🫠 <b>&\"'</b> \\ / \u2028 e\u0301 👨‍👩‍👧";

    private static async Task<SqliteDatabase> NewDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N"), "store.db");
        var database = new SqliteDatabase($"Data Source={path}");
        await database.MigrateAsync(TestStores.Features);
        return database;
    }

    public static TheoryData<string> Stores => new() { "sqlite", "memory" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task State_with_every_kind_of_field_the_dialogs_use_round_trips_and_a_turn_that_changes_nothing_writes_nothing(string store)
    {
        IStorage storage = store == "sqlite" ? new SqliteStorage(await NewDatabaseAsync()) : new MemoryStorage();
        var state = new ConversationState(storage);
        var dialogs = state.CreateProperty<DialogState>("dialogState");
        var profiles = state.CreateProperty<ConsultationProfile>("consultation");
        var key = "test/conversations/c1";

        // Turn 1: the dialogs fill in their state.
        await TurnAsync(state, async turn =>
        {
            var stack = await dialogs.GetAsync(turn, () => new DialogState());
            var inner = new DialogInstance("waterfall")
            {
                State = new JsonObject
                {
                    ["stepIndex"] = 2,
                    ["values"] = new JsonObject
                    {
                        ["text"] = Tricky,
                        ["big"] = 12345678901234L,
                        ["fraction"] = 0.1,
                        ["negative"] = -3.5e-7,
                        ["flag"] = true,
                        ["nothing"] = null,
                        ["list"] = new JsonArray(1, "二", false, new JsonObject { ["絵文字"] = "🙂" }),
                    },
                },
            };
            stack.DialogStack.Add(new DialogInstance("main") { State = new JsonObject { ["options"] = Tricky } });
            stack.DialogStack.Add(inner);
            var profile = await profiles.GetAsync(turn, () => new ConsultationProfile());
            profile.LanguageChosen = true;
            profile.AgeBand = AgeBand.JuniorHighSchool;
            profile.Age = 14;
            profile.PrefectureCode = "13";
            profile.Topics.Add(SupportCategory.Bullying);
            profile.Offered.Add(SupportCategory.Bullying);
            profile.Messages = 3;
            profile.RecentLines.Add(Tricky);
            profile.Feedback = Tricky;
        });
        var first = (await storage.ReadAsync([key]))[key];
        var expected = first.Data.ToJsonString();

        // Exactly the text the earlier code saved: each accessor's object serialized into the tree, the tree serialized.
        DialogState? shownStack = null;
        ConsultationProfile? shownProfile = null;
        await TurnAsync(state, async turn =>
        {
            shownStack = await dialogs.GetAsync(turn);
            shownProfile = await profiles.GetAsync(turn);
        });
        var reference = new JsonObject
        {
            ["dialogState"] = JsonSerializer.SerializeToNode(shownStack, BotState.JsonOptions),
            ["consultation"] = JsonSerializer.SerializeToNode(shownProfile, BotState.JsonOptions),
        };
        Assert.Equal(reference.ToJsonString(), expected);
        Assert.Equal(first.ETag, (await storage.ReadAsync([key]))[key].ETag);
        Assert.Contains("\\u3053", expected, StringComparison.Ordinal); // stored as before: non-ASCII escaped
        Assert.Equal(expected, JsonNode.Parse(expected)!.ToJsonString());

        // Turn 2: everything read back, nothing changed: no write (the version stays), the same text stored.
        await TurnAsync(state, async turn =>
        {
            var stack = await dialogs.GetAsync(turn);
            Assert.Equal(["main", "waterfall"], stack.DialogStack.Select(d => d.Id));
            var values = stack.DialogStack[1].State["values"]!.AsObject();
            Assert.Equal(Tricky, (string)values["text"]!);
            Assert.Equal(12345678901234L, (long)values["big"]!);
            Assert.Equal(0.1, (double)values["fraction"]!);
            Assert.Equal(-3.5e-7, (double)values["negative"]!);
            Assert.Null(values["nothing"]);
            Assert.Equal("🙂", (string)values["list"]![3]!["絵文字"]!);
            Assert.Equal(Tricky, (string)stack.DialogStack[0].State["options"]!);
            var profile = await profiles.GetAsync(turn);
            Assert.Equal(AgeBand.JuniorHighSchool, profile.AgeBand);
            Assert.Equal(14, profile.Age);
            Assert.Equal([SupportCategory.Bullying], profile.Topics);
            Assert.Equal([Tricky], profile.RecentLines);
            Assert.Equal(Tricky, profile.Feedback);
            Assert.Equal(3, profile.Messages);
        });
        var second = (await storage.ReadAsync([key]))[key];
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(expected, second.Data.ToJsonString());

        // Turn 3: one field changes: written once, with that change only.
        await TurnAsync(state, async turn => (await profiles.GetAsync(turn)).Messages++);
        var third = (await storage.ReadAsync([key]))[key];
        Assert.NotEqual(first.ETag, third.ETag);
        Assert.Equal(4, (int)third.Data["consultation"]!["messages"]!);
        third.Data["consultation"]!["messages"] = 3;
        Assert.Equal(expected, third.Data.ToJsonString());

        // Turn 4: a property removed is saved; turn 5: a cleared state is saved even though it was read as empty.
        await TurnAsync(state, turn => dialogs.DeleteAsync(turn));
        Assert.False((await storage.ReadAsync([key]))[key].Data.ContainsKey("dialogState"));
        await TurnAsync(state, turn => state.ClearStateAsync(turn));
        Assert.Equal("{}", (await storage.ReadAsync([key]))[key].Data.ToJsonString());
        var cleared = (await storage.ReadAsync([key]))[key].ETag;
        await TurnAsync(state, async turn => await profiles.GetAsync(turn));
        Assert.Equal(cleared, (await storage.ReadAsync([key]))[key].ETag);
    }

    [Fact]
    public async Task Deleting_setting_again_and_saving_twice_in_one_turn_give_the_same_text_and_order_as_the_tree_did()
    {
        var storage = new SqliteStorage(await NewDatabaseAsync());
        var state = new ConversationState(storage);
        var a = state.CreateProperty<string>("a");
        var b = state.CreateProperty<Dictionary<string, JsonNode?>>("b");
        var c = state.CreateProperty<int>("c");
        var d = state.CreateProperty<DialogInstance>("d");
        var key = "test/conversations/c1";
        await TurnAsync(state, async turn =>
        {
            await a.SetAsync(turn, Tricky);
            await b.SetAsync(turn, new() { ["キー"] = "値😀", ["n"] = 1.5, ["<x>"] = null });
            await c.SetAsync(turn, 7);
        });

        // The reference: the earlier code's tree, changed the same way (a property removed and added again goes last).
        var tree = JsonNode.Parse((await storage.ReadAsync([key]))[key].Data.ToJsonString())!.AsObject();
        var turnContext = new TurnContext(new NullAdapter(), Message("x"));
        await state.LoadAsync(turnContext);
        Assert.Equal(Tricky, await a.GetAsync(turnContext));
        Assert.Equal("値😀", (string)(await b.GetAsync(turnContext))["キー"]!);
        await b.DeleteAsync(turnContext);
        tree.Remove("b");
        await d.SetAsync(turnContext, new DialogInstance("新しい") { State = new JsonObject { ["step"] = 1 } });
        await state.SaveChangesAsync(turnContext);
        tree["a"] = JsonSerializer.SerializeToNode(Tricky, BotState.JsonOptions);
        tree["d"] = JsonSerializer.SerializeToNode(new DialogInstance("新しい") { State = new JsonObject { ["step"] = 1 } }, BotState.JsonOptions);
        Assert.Equal(tree.ToJsonString(), (await storage.ReadAsync([key]))[key].Data.ToJsonString());

        // Second save in the same turn: b set again (goes after d), c changed, d's state changed in place.
        await b.SetAsync(turnContext, new() { ["again"] = true });
        await c.SetAsync(turnContext, 8);
        (await d.GetAsync(turnContext)).State["step"] = 2;
        await state.SaveChangesAsync(turnContext);
        tree["b"] = JsonSerializer.SerializeToNode(new Dictionary<string, JsonNode?> { ["again"] = true }, BotState.JsonOptions);
        tree["c"] = 8;
        tree["d"]!["state"]!["step"] = 2;
        var saved = (await storage.ReadAsync([key]))[key];
        Assert.Equal(tree.ToJsonString(), saved.Data.ToJsonString());
        Assert.Equal(["a", "c", "d", "b"], saved.Data.Select(p => p.Key));

        // A third save with nothing changed writes nothing; a forced one writes the same text again.
        await state.SaveChangesAsync(turnContext);
        Assert.Equal(saved.ETag, (await storage.ReadAsync([key]))[key].ETag);
        await state.SaveChangesAsync(turnContext, force: true);
        var forced = (await storage.ReadAsync([key]))[key];
        Assert.NotEqual(saved.ETag, forced.ETag);
        Assert.Equal(tree.ToJsonString(), forced.Data.ToJsonString());

        // The next turn reads every value back.
        await TurnAsync(state, async turn =>
        {
            Assert.Equal(Tricky, await a.GetAsync(turn));
            Assert.True((bool)(await b.GetAsync(turn))["again"]!);
            Assert.Equal(8, await c.GetAsync(turn));
            var instance = await d.GetAsync(turn);
            Assert.Equal("新しい", instance.Id);
            Assert.Equal(2, (int)instance.State["step"]!);
        });
    }

    [Fact]
    public async Task A_state_loaded_as_text_saves_the_same_text_as_one_loaded_as_a_tree_turn_by_turn()
    {
        // The stores hand over their text and a turn no longer parses the tree unless it needs one; a store that gives
        // only the tree (the way before) must end every turn with the same stored text and version.
        var asText = new SqliteStorage(await NewDatabaseAsync());
        var asTree = new TreeOnly(new SqliteStorage(await NewDatabaseAsync()));
        const string key = "test/conversations/c1";
        var seed = new JsonObject
        {
            ["untouched"] = new JsonObject { ["絵文字"] = "🙂", ["n"] = 1.5e300, ["a"] = new JsonArray(null, "x") },
            ["nothing"] = null,
            ["名前"] = Tricky,
            ["consultation"] = JsonSerializer.SerializeToNode(new ConsultationProfile { Messages = 2 }, BotState.JsonOptions),
            ["last"] = 7,
        }.ToJsonString();
        foreach (var storage in new IStorage[] { asText, asTree })
        {
            await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = StoreItem.FromJson(seed, null) });
        }

        var turns = new List<Func<ConversationState, ITurnContext, Task>>
        {
            async (state, turn) => (await state.CreateProperty<ConsultationProfile>("consultation").GetAsync(turn))!.Messages++,
            async (state, turn) => await state.CreateProperty<JsonObject>("untouched").GetAsync(turn),
            async (state, turn) => await state.CreateProperty<string>("新しい").SetAsync(turn, Tricky),
            async (state, turn) => await state.CreateProperty<string>("nothing").SetAsync(turn, "now something"),
            async (state, turn) => await state.CreateProperty<string?>("名前").SetAsync(turn, null),
            async (state, turn) =>
            {
                await state.CreateProperty<int>("last").SetAsync(turn, 8);
                await state.CreateProperty<DialogState>("dialogState").GetAsync(turn, () => new DialogState());
            },
            async (state, turn) => await state.CreateProperty<int>("last").DeleteAsync(turn),
            (state, turn) => Task.CompletedTask,
            async (state, turn) =>
            {
                (await state.CreateProperty<ConsultationProfile>("consultation").GetAsync(turn))!.Messages++;
                await state.SaveChangesAsync(turn);
                (await state.CreateProperty<ConsultationProfile>("consultation").GetAsync(turn))!.Messages++;
            },
        };
        foreach (var body in turns)
        {
            foreach (var storage in new IStorage[] { asText, asTree })
            {
                var state = new ConversationState(storage);
                await TurnAsync(state, turn => body(state, turn));
            }

            var text = (await asText.ReadAsync([key]))[key];
            var tree = (await asTree.ReadAsync([key]))[key];
            Assert.Equal(tree.Data.ToJsonString(), text.Json);
            Assert.Equal(tree.ETag, text.ETag);
        }

        Assert.Equal("9", (await asText.ReadAsync([key]))[key].ETag);
    }

    /// <summary>A store that gives the state as a tree only, as the stores did before they handed over their text.</summary>
    private sealed class TreeOnly(IStorage inner) : IStorage
    {
        public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            (await inner.ReadAsync(keys, cancellationToken)).ToDictionary(p => p.Key, p => new StoreItem(p.Value.Data, p.Value.ETag));

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }

    [Fact]
    public async Task A_stale_turn_still_fails_its_save_when_the_state_text_comes_from_the_store()
    {
        var storage = new SqliteStorage(await NewDatabaseAsync());
        var state = new ConversationState(storage);
        var profiles = state.CreateProperty<ConsultationProfile>("consultation");
        await TurnAsync(state, async turn => (await profiles.GetAsync(turn, () => new ConsultationProfile())).Messages = 1);

        var adapter = new NullAdapter();
        var stale = new TurnContext(adapter, Message("x"));
        await state.LoadAsync(stale);
        await TurnAsync(state, async turn => (await profiles.GetAsync(turn)).Messages = 2);
        (await profiles.GetAsync(stale)).Messages = 5;
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(stale));
    }

    [Fact]
    public async Task A_stored_activity_is_the_same_text_as_before_and_the_callers_activity_only_gets_its_id_and_time()
    {
        var database = await NewDatabaseAsync();
        var transcript = new SqliteTranscriptStore(database, TimeProvider.System);
        var activity = RichActivity();
        var original = ActivityJson.Serialize(activity);

        var entry = await transcript.AppendAsync("c1", TranscriptDirection.Outbound, activity);

        // What the store held before this change: a deep copy through the wire form, without id, with the time stored.
        var previous = activity.Clone();
        previous.Id = null;
        previous.Timestamp = entry.StoredAt;
        Assert.Equal(ActivityJson.Serialize(previous), await StoredTextAsync(database, "c1", entry.Sequence));

        // The caller's activity: its id and timestamp set, nothing else touched.
        Assert.Equal(TranscriptIds.ActivityId("c1", entry.Sequence), activity.Id);
        Assert.Equal(entry.StoredAt, activity.Timestamp);
        var callerNow = activity.Clone();
        callerNow.Id = "original-id";
        callerNow.Timestamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(original, ActivityJson.Serialize(callerNow));

        // The entry's copy is what a read gives back, and shares nothing with the caller's activity.
        var read = Assert.Single(await transcript.ReadAsync("c1", 0, 10));
        Assert.Equal(ActivityJson.Serialize(read.Activity), ActivityJson.Serialize(entry.Activity));
        Assert.Equal(activity.Id, entry.Activity.Id);
        Assert.Equal(Tricky, entry.Activity.Text);
        Assert.NotSame(activity.Attachments, entry.Activity.Attachments);
        Assert.NotSame(activity.From, entry.Activity.From);
        entry.Activity.Attachments![0].Name = "changed";
        entry.Activity.From!.Name = "changed";
        Assert.Equal("カード", activity.Attachments![0].Name);
        Assert.Equal("bot", activity.From!.Name);
    }

    [Fact]
    public async Task The_direct_line_paths_store_the_same_text_and_give_the_same_id_and_time_without_parsing_a_copy()
    {
        var database = await NewDatabaseAsync();
        var transcript = new SqliteTranscriptStore(database, TimeProvider.System);
        var sessions = new ChatSupport.Bot.Channels.DirectLine.DirectLineSessions(database, transcript, TimeProvider.System);

        // The same activity stored both ways, in two conversations: the rows' text is the same but for the time.
        var withCopy = RichActivity();
        var withoutCopy = RichActivity();
        var entry = await transcript.AppendAsync("c3", TranscriptDirection.Outbound, withCopy);
        var stored = await sessions.AppendReplyAsync("c4", withoutCopy);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(TranscriptIds.ActivityId("c4", 1), stored.Id);
        Assert.Equal(stored.Id, withoutCopy.Id);
        var read = Assert.Single(await transcript.ReadAsync("c4", 0, 10));
        Assert.Equal(withoutCopy.Timestamp, read.StoredAt);
        var expected = withCopy.Clone();
        expected.Id = null;
        expected.Timestamp = read.StoredAt;
        Assert.Equal(ActivityJson.Serialize(expected), await StoredTextAsync(database, "c4", 1));
        Assert.Equal(await StoredTextAsync(database, "c3", entry.Sequence), ActivityJson.SerializeWith(RichActivity(), null, entry.StoredAt));

        // The caller's activity: only its id and time changed, as with the copy.
        var callerNow = withoutCopy.Clone();
        callerNow.Id = "original-id";
        callerNow.Timestamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(ActivityJson.Serialize(RichActivity()), ActivityJson.Serialize(callerNow));

        // The person's message with its pending mark, and the reply that clears it, in their own transactions.
        var message = Activity.CreateMessage(Tricky);
        var asked = await sessions.AppendPendingAsync("c4", message);
        Assert.Equal(2, asked.Sequence);
        Assert.Equal(message.Id, asked.Id);
        Assert.Equal(1L, await PendingMarksAsync(database));
        var answer = await sessions.AppendReplyAsync("c4", message.CreateReply("はい"));
        Assert.Equal(3, answer.Sequence);
        Assert.Equal(0L, await PendingMarksAsync(database));
        await sessions.CompleteAsync("c4", asked.Sequence);
        Assert.Equal(Tricky, (await transcript.ReadAsync("c4", 1, 1))[0].Activity.Text);
    }

    [Fact]
    public void Timestamps_are_written_and_read_exactly_as_with_the_custom_format()
    {
        var random = new Random(16);
        var values = new List<DateTimeOffset>
        {
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2026, 12, 7, 21, 0, 0, TimeSpan.Zero),
            new(2026, 12, 7, 21, 0, 0, TimeSpan.FromHours(9)), new(1999, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5)),
        };
        for (var i = 0; i < 500; i++)
        {
            var ticks = (long)(random.NextDouble() * (DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay)) + TimeSpan.TicksPerDay;
            values.Add(new DateTimeOffset(ticks, TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1))));
        }

        foreach (var value in values)
        {
            var expected = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var json = ActivityJson.Serialize(new Activity { Type = ActivityTypes.Message, Timestamp = value });
            Assert.Equal($$"""{"type":"message","timestamp":"{{expected}}"}""", json);
            var read = ActivityJson.Deserialize(json).Timestamp!.Value;
            Assert.Equal((value.UtcTicks, TimeSpan.Zero), (read.UtcTicks, read.Offset));
        }

        // Other forms (clients send their own) are read as before: any ISO 8601 offset, none taken as UTC.
        foreach (var text in new[]
        {
            "2026-12-07T21:00:00.123Z", "2026-12-07T21:00:00Z", "2026-12-07T21:00:00.1234567+09:00", "2026-12-07T21:00:00",
            "2026-12-07T21:00:00.12345678Z", "2026-12-07 21:00:00.1234567Z",
        })
        {
            var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
            var read = ActivityJson.Deserialize($$"""{"type":"message","timestamp":"{{text}}"}""").Timestamp!.Value;
            Assert.Equal((expected.UtcTicks, expected.Offset), (read.UtcTicks, read.Offset));
        }

        Assert.Throws<JsonException>(() => ActivityJson.Deserialize("""{"type":"message","timestamp":"2026-13-07T21:00:00.1234567Z"}"""));
    }

    private static async Task<long> PendingMarksAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenSqliteAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM directline_pending;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_inbound_message_with_channel_data_and_unknown_fields_is_stored_and_read_back_unchanged()
    {
        var database = await NewDatabaseAsync();
        var transcript = new SqliteTranscriptStore(database, TimeProvider.System);
        const string wire = """
            {"type":"message","id":"client-1","channelId":"directline","from":{"id":"dl_u1","name":"ゆい","x-extra":[1,2]},
             "conversation":{"id":"c2"},"text":"学校に行きたくない😭 <script>","locale":"ja-JP",
             "channelData":{"clientActivityID":"abc","nested":{"絵文字":"🎒","n":1.25e3}},
             "attachments":[{"contentType":"image/png","contentUrl":"https://example.invalid/a.png","name":"写真.png"}],
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}],"futureField":{"a":"あ"}}
            """;
        var activity = ActivityJson.Deserialize(wire);
        var entry = await transcript.AppendAsync("c2", TranscriptDirection.Inbound, activity, CancellationToken.None, pending: true);

        var previous = ActivityJson.Deserialize(wire);
        previous.Id = null;
        previous.Timestamp = entry.StoredAt;
        Assert.Equal(ActivityJson.Serialize(previous), await StoredTextAsync(database, "c2", entry.Sequence));

        var read = Assert.Single(await transcript.ReadAsync("c2", 0, 10)).Activity;
        Assert.Equal("学校に行きたくない😭 <script>", read.Text);
        Assert.Equal("🎒", read.ChannelData!.Value.GetProperty("nested").GetProperty("絵文字").GetString());
        Assert.Equal("abc", read.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal("写真.png", read.Attachments![0].Name);
        Assert.Equal("あ", read.Properties!["futureField"].GetProperty("a").GetString());
        Assert.Equal(2, read.From!.Properties!["x-extra"].GetArrayLength());
        Assert.True(read.Entities![0].Properties!["requiresBotState"].GetBoolean());
    }

    private static Activity RichActivity()
    {
        var reply = Message(Tricky);
        reply.Id = "original-id";
        reply.Timestamp = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        reply.From = new ChannelAccount("bot", "bot", RoleTypes.Bot);
        reply.Recipient = new ChannelAccount("user-1", "ゆい", RoleTypes.User);
        reply.Attachments =
        [
            new HeroCard
            {
                Title = "相談窓口 📞",
                Text = Tricky,
                Buttons = [CardAction.Call("電話する", "tel:0120-000-000"), CardAction.OpenUrl("サイト", "https://example.invalid/?a=1&b=<2>")],
            }.ToAttachment(),
        ];
        reply.Attachments[0].Name = "カード";
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("はい👍"), CardAction.ImBack("いいえ", "no")] };
        reply.ChannelData = JsonSerializer.SerializeToElement(new { priority = "critical", note = Tricky });
        reply.Value = JsonSerializer.SerializeToElement(new[] { 1.5, 2e10 });
        reply.Entities = [new Entity { Type = "mention", Properties = new() { ["text"] = JsonSerializer.SerializeToElement("＠ボット") } }];
        reply.Properties = new() { ["x-future"] = JsonSerializer.SerializeToElement(new { a = "あ" }) };
        reply.Expiration = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(9));
        reply.InputHint = "expectingInput";
        return reply;
    }

    private static Activity Message(string text)
    {
        var activity = Activity.CreateMessage(text);
        activity.ChannelId = "test";
        activity.Conversation = new ConversationAccount("c1");
        activity.From = new ChannelAccount("user-1");
        activity.Recipient = new ChannelAccount("bot");
        return activity;
    }

    private static async Task<string> StoredTextAsync(SqliteDatabase database, string conversation, long sequence)
    {
        await using var connection = await database.OpenSqliteAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity FROM activities WHERE conversation_id = $c AND seq = $s;";
        command.Parameters.AddWithValue("$c", conversation);
        command.Parameters.AddWithValue("$s", sequence);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task TurnAsync(BotState state, Func<ITurnContext, Task> body)
    {
        var turn = new TurnContext(new NullAdapter(), Message("hi"));
        await state.LoadAsync(turn);
        await body(turn);
        await state.SaveChangesAsync(turn);
    }

    private sealed class NullAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse("r")).ToArray());
    }
}
