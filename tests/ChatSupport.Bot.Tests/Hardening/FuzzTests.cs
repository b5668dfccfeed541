using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Tests.Line;
using ChatSupport.Domain.Storage;
using ChatSupport.TestSupport;
using ChatSupport.Tools.Line;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Hardening;

/// <summary>
/// Mutated and random inputs on the two doors a stranger can knock on (Direct Line activities and the LINE webhook):
/// wrong JSON types, deep nesting, huge strings, invalid UTF-8, lone surrogates, wrong content types. Every answer is
/// below 500, and a refused request stores nothing. Deterministic (fixed seed) and bounded in count.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261204;
    private const int DirectLineCases = 240;
    private const int LineCases = 160;

    [Fact]
    public async Task Direct_Line_answers_every_mutated_activity_below_500_and_a_refused_one_stores_nothing()
    {
        using var factory = new ChatSupportFactory();
        var random = new Random(Seed);
        var transcript = factory.Services.GetRequiredService<ITranscriptStore>();
        DirectLineClient? person = null;
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < DirectLineCases; i++)
        {
            // A new conversation now and then, so the per-conversation rate limit does not hide the inputs.
            if (i % 20 == 0)
            {
                person = await DirectLineClient.StartAsync(factory);
            }

            var (body, contentType, label) = DirectLineCase(random, i);
            var before = await transcript.GetLastSequenceAsync(person!.ConversationId!);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{person.ConversationId}/activities") { Content = new ByteArrayContent(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            var response = await person.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"case {i} ({label}) answered {status}");
            if (status >= 400)
            {
                Assert.True(before == await transcript.GetLastSequenceAsync(person.ConversationId!), $"case {i} ({label}) was refused ({status}) but something was stored");
            }
        }

        // The generator reaches both sides: accepted activities and refused ones.
        Assert.Contains(statuses.Keys, s => s == 200);
        Assert.Contains(statuses.Keys, s => s == 400);
        Assert.Contains(statuses.Keys, s => s == 413);
    }

    [Fact]
    public async Task The_LINE_webhook_answers_every_mutated_body_below_500_and_a_refused_one_stores_nothing()
    {
        using var host = new LineTestHost();
        _ = host.Server;
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < LineCases; i++)
        {
            var (body, sign, label) = LineCase(host.Simulator, random, i);
            var before = await InboxRowsAsync(host.DatabasePath);
            var response = await host.Simulator.PostAsync(body, sign);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"case {i} ({label}) answered {status}");
            if (status >= 400)
            {
                Assert.True(before == await InboxRowsAsync(host.DatabasePath), $"case {i} ({label}) was refused ({status}) but something was stored");
            }
        }

        // Whatever was accepted is processed to the end without the processor giving up on the round.
        await host.WaitIdleAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(statuses.Keys, s => s == 200);
        Assert.Contains(statuses.Keys, s => s == 400);
        Assert.Contains(statuses.Keys, s => s == 401);
    }

    private static (byte[] Body, string? ContentType, string Label) DirectLineCase(Random random, int i)
    {
        var kind = i % 12;
        switch (kind)
        {
            case 0:
                return (Utf8(Activity(random).ToJsonString()), "application/json", "valid message");
            case 1:
                return (Utf8(Mutate(Activity(random), random).ToJsonString()), "application/json", "mutated field types");
            case 2:
                return (Utf8(Nested(random.Next(70, 3000))), "application/json", "deep nesting");
            case 3:
                return (Utf8(new JsonObject { ["type"] = "message", ["text"] = new string('あ', random.Next(300_000, 600_000)) }.ToJsonString()), "application/json", "huge text");
            case 4:
                return (InvalidUtf8(random), "application/json", "invalid UTF-8");
            case 5:
                return (Utf8("{\"type\":\"message\",\"text\":\"\\ud800 lone \\udfff surrogates\"}"), "application/json", "lone surrogates");
            case 6:
                return (Utf8(Activity(random).ToJsonString()), random.Next(3) switch { 0 => "text/plain", 1 => "application/xml", _ => "multipart/form-data; boundary=x" }, "wrong content type");
            case 7:
                return (RandomBytes(random, random.Next(0, 2048)), null, "random bytes");
            case 8:
                return (Utf8(Truncate(Activity(random).ToJsonString(), random)), "application/json", "truncated JSON");
            case 9:
                return (Utf8(random.Next(4) switch { 0 => "null", 1 => "[]", 2 => "\"message\"", _ => "12345" }), "application/json", "not an object");
            case 10:
                return (Utf8(new JsonObject { ["type"] = Pick(random, "invoke", "handoff", "conversationUpdate", "", "message\u0000", new string('t', 5000)), ["text"] = "x" }.ToJsonString()), "application/json", "odd type");
            default:
                var activity = Activity(random);
                activity["attachments"] = new JsonArray(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (JsonNode)new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "javascript:alert(1)", ["content"] = Nested(30) }).ToArray());
                activity["channelData"] = new JsonObject { ["clientActivityID"] = new string('c', random.Next(1, 10_000)), ["deep"] = JsonNode.Parse(Nested(20)) };
                return (Utf8(activity.ToJsonString()), "application/json", "many attachments and odd channel data");
        }
    }

    private static (byte[] Body, bool Sign, string Label) LineCase(LineSimulator simulator, Random random, int i)
    {
        var user = LineSimulator.NewUserId();
        switch (i % 10)
        {
            case 0:
                return (Utf8(simulator.Body(simulator.TextEvent(user, RandomText(random)))), true, "valid text event");
            case 1:
                var mutated = Mutate(simulator.TextEvent(user, RandomText(random)), random);
                return (Utf8(simulator.Body(mutated)), true, "mutated event");
            case 2:
                return (Utf8(Nested(random.Next(70, 3000))), true, "deep nesting");
            case 3:
                return (InvalidUtf8(random), true, "invalid UTF-8");
            case 4:
                return (Utf8(simulator.Body(simulator.TextEvent(user, "x"))), false, "unsigned");
            case 5:
                return (Utf8(Truncate(simulator.Body(simulator.TextEvent(user, "途中で切れる")), random)), true, "truncated JSON");
            case 6:
                var huge = simulator.TextEvent(user, new string('あ', random.Next(50_000, 120_000)));
                return (Utf8(simulator.Body(huge)), true, "huge text");
            case 7:
                var events = new JsonObject { ["destination"] = 5, ["events"] = Pick(random, "none", "12", "{}") };
                return (Utf8(events.ToJsonString()), true, "wrong envelope types");
            case 8:
                var odd = simulator.TextEvent(user, "x");
                odd["type"] = Pick(random, "memberJoined", "videoPlayComplete", "beacon", "\u0000", new string('e', 3000));
                odd["source"] = random.Next(2) == 0 ? new JsonObject { ["type"] = "group", ["groupId"] = "C1" } : new JsonObject { ["type"] = "user", ["userId"] = new string('U', 5000) };
                return (Utf8(simulator.Body(odd)), true, "odd event type or source");
            default:
                return (RandomBytes(random, random.Next(0, 4096)), random.Next(2) == 0, "random bytes");
        }
    }

    private static JsonObject Activity(Random random) => new()
    {
        ["type"] = "message",
        ["text"] = RandomText(random),
        ["locale"] = "ja-JP",
        ["from"] = new JsonObject { ["id"] = "whoever" },
    };

    /// <summary>Replaces a few fields with values of the wrong type (or removes them).</summary>
    private static JsonObject Mutate(JsonObject value, Random random)
    {
        var copy = (JsonObject)value.DeepClone();
        string[] fields = ["type", "text", "from", "locale", "timestamp", "id", "message", "source", "replyToken", "webhookEventId", "deliveryContext", "value", "entities", "suggestedActions", "recipient", "conversation"];
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var field = fields[random.Next(fields.Length)];
            copy[field] = random.Next(8) switch
            {
                0 => null,
                1 => random.Next(),
                2 => new JsonArray(1, "two", null),
                3 => new JsonObject { ["x"] = new JsonObject { ["y"] = true } },
                4 => true,
                5 => new string('z', random.Next(1, 70_000)),
                6 => -1.5e308,
                _ => "\u202e\u0000\ufeff",
            };
        }

        return copy;
    }

    private static string RandomText(Random random)
    {
        string[] pieces = ["こんにちは", "ｗｗ", "😭", "\u200d", "え、", "つらい", "shinitai", "\u3000", "！？", "テスト", "\r\n", "<b>", "&amp;", "\\", "\""];
        var sb = new StringBuilder();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            sb.Append(pieces[random.Next(pieces.Length)]);
        }

        return sb.ToString();
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":[", depth)) + "1" + string.Concat(Enumerable.Repeat("]}", depth));

    private static string Truncate(string json, Random random) => json[..random.Next(1, Math.Max(2, json.Length - 1))];

    private static byte[] InvalidUtf8(Random random)
    {
        var prefix = Utf8("{\"type\":\"message\",\"text\":\"");
        byte[][] bad = [[0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xFF, 0xFE], [0xED, 0xA0, 0x80]];
        return [.. prefix, .. bad[random.Next(bad.Length)], .. Utf8("\"}")];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<long> InboxRowsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM line_inbox;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
