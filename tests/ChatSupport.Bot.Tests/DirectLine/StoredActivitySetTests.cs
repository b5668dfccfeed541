using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Bot.Storage.Sqlite;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.DirectLine;

/// <summary>
/// The polling GET writes each activity from its stored text (<see cref="StoredActivitySet"/>) instead of parsing and
/// serializing it: the bytes a client receives must be exactly those of the old way — the transcript read into
/// activities, given their ids, handoff events left out, and the ActivitySet serialized — for rows stored by this
/// version, rows stored the way earlier versions did, and rows in any other form (which take the old way).
/// </summary>
public sealed class StoredActivitySetTests
{
    private const string Tricky = "こんにちは、死にたい…😢🫠 <b>&\"'</b> \\ / \u2028 e\u0301 👨‍👩‍👧 +`";

    private static async Task<(SqliteDatabase Database, SqliteTranscriptStore Transcript, DirectLineSessions Sessions)> NewStoreAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N"), "store.db");
        var database = new SqliteDatabase($"Data Source={path}");
        await database.MigrateAsync(TestStores.Features);
        var transcript = new SqliteTranscriptStore(database, TimeProvider.System);
        return (database, transcript, new DirectLineSessions(database, transcript, TimeProvider.System));
    }

    [Fact]
    public async Task Every_kind_of_stored_row_gives_the_same_bytes_as_parsing_and_serializing_it()
    {
        var (database, transcript, sessions) = await NewStoreAsync();
        const string conversation = "c<1>&+|'x";
        await transcript.TryCreateAsync(new ConversationRecord(conversation, "directline", "u1", DateTimeOffset.UtcNow));

        // Rows stored by this version.
        var fast = new List<long>();
        foreach (var activity in Activities())
        {
            fast.Add((await transcript.AppendAsync(conversation, TranscriptDirection.Outbound, activity)).Sequence);
        }

        var wire = ActivityJson.Deserialize("""
            {"type":"message","id":"client-1","channelId":"directline","from":{"id":"dl_u1","name":"ゆい","x-extra":[1,2]},
             "conversation":{"id":"c2"},"text":"学校に行きたくない😭 <script>\u3042\/","locale":"ja-JP",
             "channelData":{"clientActivityID":"abc","nested":{"絵文字":"🎒","n":1.25e3,"esc":"\u00e9\n"}},
             "attachments":[{"contentType":"image/png","contentUrl":"https://example.invalid/a.png","name":"写真.png"}],
             "entities":[{"type":"ClientCapabilities","requiresBotState":true}],"futureField":{"a":"あ"},"Zfield":null}
            """);
        fast.Add(await sessions.AppendPendingAsync(conversation, wire) is { } pending ? pending.Sequence : 0);

        // Rows stored the way earlier versions did: a deep copy through the wire form, no id, the time stored,
        // timestamps through the custom format string.
        foreach (var activity in Activities())
        {
            var copy = activity.Clone();
            copy.Id = null;
            copy.Timestamp = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567);
            var text = ActivityJson.Serialize(copy);
            Assert.Contains("\"timestamp\":\"" + copy.Timestamp.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "\"", text, StringComparison.Ordinal);
            fast.Add(await InsertAsync(database, conversation, text));
        }

        // Rows in no form the serializer writes: parsed and serialized, as before.
        var slow = new List<long>();
        foreach (var text in new[]
        {
            """{"timestamp":"2026-11-26T01:02:03.0000000Z","type":"message","text":"order"}""",
            """{"type":"message","id":"stale-id","text":"an id of its own"}""",
            """{"type":"message","Text":"a name a case away"}""",
            """{"type":"message","text":"a","x-extra":1,"locale":"ja-JP"}""",
            """{"type":"message","te\u0078t":"escaped name"}""",
            """{"type":"message","x-\u0041":"an extension name escaped where the serializer would not"}""",
            """{"type":"message","x-\u0074ext":"Text","T\u0065xt":"a modelled name escaped"}""",
            """{"type":"message", "text":"space"}""",
            """{"type":"message","text" :"space before the colon"}""",
            """{"type":"message","text":"trailing"} """,
            """{"type":"message","text":"x","text":"repeated"}""",
            """{"type":"message","channelData":{ "a":1}}""",
            """{"type":"message","channelData":{"a":[1, 2]}}""",
            """{"type":"event","name":"handoff.x","valueType":null}""",
            """{"type":null,"text":"null type"}""",
            "{\"type\":\"message\",\n\"text\":\"newline\"}",
        })
        {
            slow.Add(await InsertAsync(database, conversation, text));
        }

        var (_, _, rows) = await sessions.FindWithActivitiesAsync(conversation, 0, 1000);
        Assert.Equal(fast.Count + slow.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(
                StoredActivitySet.TryScan(row.Utf8, out _) == fast.Contains(row.Sequence),
                $"row {row.Sequence}: {Encoding.UTF8.GetString(row.Utf8)}");
        }

        for (var after = 0; after <= rows.Count; after += 3)
        {
            foreach (var limit in new[] { 1, 5, 1000 })
            {
                var (_, _, page) = await sessions.FindWithActivitiesAsync(conversation, after, limit);
                Assert.Equal(
                    Encoding.UTF8.GetString(await OldWayAsync(transcript, conversation, after, limit)),
                    Encoding.UTF8.GetString(Written(conversation, page, page.Count > 0 ? page[^1].Sequence : after)));
            }
        }
    }

    [Fact]
    public async Task Random_activities_give_the_same_bytes_either_way()
    {
        var (_, transcript, sessions) = await NewStoreAsync();
        var random = new Random(1617);
        for (var i = 0; i < 300; i++)
        {
            var activity = new Activity
            {
                Type = random.Next(6) switch { 0 => null, 1 => ActivityTypes.Event, 2 => ActivityTypes.ConversationUpdate, _ => ActivityTypes.Message },
                Text = random.Next(3) == 0 ? null : RandomText(random),
                Name = random.Next(3) switch { 0 => null, 1 => "handoff." + RandomText(random), _ => RandomText(random) },
                Locale = random.Next(2) == 0 ? "ja-JP" : null,
                ReplyToId = random.Next(2) == 0 ? RandomText(random) : null,
                From = random.Next(2) == 0 ? new ChannelAccount(RandomText(random), RandomText(random)) : null,
                ChannelData = random.Next(2) == 0 ? JsonSerializer.SerializeToElement(new { a = RandomText(random), n = random.NextDouble() * 1e6 }) : null,
                Properties = random.Next(3) == 0 ? new() { ["x-" + RandomText(random)] = JsonSerializer.SerializeToElement(RandomText(random)) } : null,
            };
            await transcript.AppendAsync("r" + (i % 7), TranscriptDirection.Outbound, activity);
        }

        for (var c = 0; c < 7; c++)
        {
            var (_, _, rows) = await sessions.FindWithActivitiesAsync("r" + c, 0, 1000);
            Assert.All(rows, row => Assert.True(StoredActivitySet.TryScan(row.Utf8, out _), Encoding.UTF8.GetString(row.Utf8)));
            Assert.Equal(
                Encoding.UTF8.GetString(await OldWayAsync(transcript, "r" + c, 0, 1000)),
                Encoding.UTF8.GetString(Written("r" + c, rows, rows[^1].Sequence)));
        }
    }

    [Fact]
    public async Task The_polling_get_over_http_sends_the_same_bytes_and_content_type_as_before()
    {
        using var factory = new ChatSupportFactory(botMode: "echo");
        var client = await DirectLineClient.StartAsync(factory);
        await client.SayAsync(Tricky, channelData: new { note = "<&>", n = 1.5 });
        await client.SayAsync("二つめ");
        var transcript = factory.Services.GetRequiredService<SqliteTranscriptStore>();
        await BotRepliesAsync(transcript, client.ConversationId!, 2);

        foreach (var watermark in new[] { null, "0", "1", "3", "100" })
        {
            var path = $"/v3/directline/conversations/{client.ConversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark);
            var response = await client.SendRawAsync(HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var expected = await OldWayAsync(transcript, client.ConversationId!, long.Parse(watermark ?? "0", CultureInfo.InvariantCulture), 100);
            Assert.Equal(Encoding.UTF8.GetString(expected), await response.Content.ReadAsStringAsync());
        }

        // A long page (flushed as it is written) is the same bytes too.
        for (var i = 0; i < 120; i++)
        {
            var big = Activity.CreateMessage(string.Concat(Enumerable.Repeat(Tricky, 60)) + i);
            big.Conversation = new ConversationAccount(client.ConversationId!);
            await transcript.AppendAsync(client.ConversationId!, TranscriptDirection.Outbound, big);
        }

        var page = await client.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=2");
        var longBody = await page.Content.ReadAsStringAsync();
        Assert.True(longBody.Length > 256 * 1024, $"{longBody.Length} characters");
        Assert.Equal(Encoding.UTF8.GetString(await OldWayAsync(transcript, client.ConversationId!, 2, 100)), longBody);

        // The refusals are those of before: an invalid watermark, another conversation's token, an unknown conversation.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendRawAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendRawAsync(HttpMethod.Get, "/v3/directline/conversations/other/activities?watermark=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendRawAsync(HttpMethod.Get, "/v3/directline/conversations/nobody/activities?watermark=0", credential: ChatSupportFactory.Secret)).StatusCode);
    }

    private static async Task BotRepliesAsync(SqliteTranscriptStore transcript, string conversation, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await transcript.ReadAsync(conversation, 0, 100)).Count(e => e.Direction == TranscriptDirection.Outbound && e.Activity.IsType(ActivityTypes.Message)) >= count)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The GET's response as it was made before: read, parse, give ids, leave out handoff events, serialize.</summary>
    private static async Task<byte[]> OldWayAsync(SqliteTranscriptStore transcript, string conversation, long after, int limit)
    {
        var entries = await transcript.ReadAsync(conversation, after, limit);
        var last = entries.Count > 0 ? entries[^1].Sequence : after;
        return JsonSerializer.SerializeToUtf8Bytes(
            new ActivitySet([.. entries.Select(e => e.Activity).Where(DirectLineApi.IsForClient)], last.ToString(CultureInfo.InvariantCulture)),
            ActivityJson.Options);
    }

    private static byte[] Written(string conversation, IReadOnlyList<StoredActivityText> rows, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new StoredActivitySet(conversation, rows, watermark).Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<long> InsertAsync(SqliteDatabase database, string conversation, string text)
    {
        await using var connection = await database.OpenSqliteAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO activities (conversation_id, seq, direction, activity, stored_at)
            SELECT $c, COALESCE(MAX(seq), 0) + 1, 'out', $a, '2026-11-26T01:02:03.0000000+00:00' FROM activities WHERE conversation_id = $c
            RETURNING seq;
            """;
        command.Parameters.AddWithValue("$c", conversation);
        command.Parameters.AddWithValue("$a", text);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string RandomText(Random random)
    {
        var alphabet = new[] { "a", "Z", "0", " ", "<", ">", "&", "'", "\"", "\\", "/", "+", "`", "\n", "\t", "\u0001", "\u2028", "あ", "死", "😢", "é", "e\u0301", "|", "handoff.", ".", "{", "}" };
        var builder = new StringBuilder();
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static IEnumerable<Activity> Activities()
    {
        var reply = Activity.CreateMessage(Tricky);
        reply.ChannelId = "directline";
        reply.Conversation = new ConversationAccount("c1");
        reply.From = new ChannelAccount("bot", "bot", RoleTypes.Bot);
        reply.Recipient = new ChannelAccount("user-1", "ゆい", RoleTypes.User);
        reply.ReplyToId = "c1|0000001";
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
        reply.Properties = new() { ["x-future"] = JsonSerializer.SerializeToElement(new { a = "あ" }), ["x-null"] = JsonSerializer.SerializeToElement<object?>(null) };
        reply.Expiration = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(9));
        reply.InputHint = "expectingInput";
        yield return reply;

        yield return Activity.CreateEvent("handoff.requested", JsonSerializer.SerializeToElement(new { transcript = "見せない" }));
        yield return Activity.CreateEvent("handoff.<escaped>");
        yield return Activity.CreateEvent("handoffish");
        yield return Activity.CreateEvent("other", JsonSerializer.SerializeToElement(new { a = 1 }));
        yield return new Activity { Type = "ev\u0065nt", Name = "handoff.typed" };
        yield return new Activity { Text = "no type" };
        yield return new Activity();
        yield return Activity.CreateTyping();
        yield return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount("bot", null, RoleTypes.Bot), new ChannelAccount("dl_u", null, RoleTypes.User)],
            Locale = "ja-JP",
        };
    }
}
