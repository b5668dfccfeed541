using System.Text;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;
using ChatSupport.BotKit.Activities;
using ChatSupport.Tools.Line;

namespace ChatSupport.Bot.Tests.Line;

/// <summary>
/// The project's LINE contract (tools/ChatSupport.LineSimulator/line-contract.yaml): outbound bodies
/// against its request schemas; inbound events of its webhook schemas through the parser and the webhook.
/// </summary>
public sealed class LineConformanceTests
{
    private static OpenApiSchemas Contract => OpenApiSchemas.Contract;

    public static Activity CardsWithChoices()
    {
        var message = Activity.CreateMessage("相談できるところです。\n・よりそいホットライン：0120-279-338（24時間）");
        message.AttachmentLayout = "carousel";
        message.Attachments =
        [
            new HeroCard { Title = "よりそいホットライン", Subtitle = "24時間対応", Text = "どんな悩みでも", Buttons = [CardAction.Call("0120-279-338 に電話", "tel:0120279338")] }.ToAttachment(),
            new HeroCard { Title = "チャット相談", Subtitle = "Web", Buttons = [CardAction.OpenUrl("ひらく", "https://example.org/chat"), CardAction.ImBack("ほかの相談先")] }.ToAttachment(),
            new HeroCard { Title = "安全でないリンク", Buttons = [CardAction.OpenUrl("ひらく", "javascript:alert(1)")] }.ToAttachment(),
        ];
        message.SuggestedActions = new SuggestedActions
        {
            Actions = [.. Enumerable.Range(1, 15).Select(i => CardAction.ImBack($"とても長い選択肢のラベル番号{i}です")), new CardAction(ActionTypes.PostBack, "送る", "choice=1")],
        };
        return message;
    }

    [Fact]
    public void Quick_replies_and_flex_cards_validate_against_the_contract()
    {
        var calls = LineMessageMapper.ToCalls([CardsWithChoices(), Activity.CreateMessage(new string('あ', 12000))]);
        Assert.All(calls, c => Assert.InRange(c.Count, 1, LineMessageMapper.MaxMessagesPerCall));
        var messages = calls.SelectMany(c => c).Cast<JsonObject>().ToList();
        Assert.Equal(["text", "flex", "text", "text", "text"], messages.Select(m => m["type"]!.GetValue<string>()));

        var flex = messages[1];
        Assert.Equal(13, flex["quickReply"]!["items"]!.AsArray().Count);
        Assert.Equal("carousel", flex["contents"]!["type"]!.GetValue<string>());
        var json = flex.ToJsonString();
        Assert.Contains("\"uri\":\"tel:0120279338\"", json, StringComparison.Ordinal);
        Assert.Contains("\"uri\":\"https://example.org/chat\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", json, StringComparison.Ordinal);

        foreach (var call in calls)
        {
            Assert.Empty(Contract.Validate(LineMessagingClient.ReplyBody("token", call), "ReplyMessageRequest"));
            Assert.Empty(Contract.Validate(LineMessagingClient.PushBody("U0123456789abcdef0123456789abcdef", call), "PushMessageRequest"));
        }

        Assert.Empty(Contract.Validate(LineMessagingClient.LoadingBody("U1", 23), "ShowLoadingAnimationRequest"));
        Assert.Empty(Contract.Validate(LineMessagingClient.MarkAsReadBody("tok"), "MarkMessagesAsReadByTokenRequest"));
    }

    [Theory]
    [InlineData("""{"replyToken":"t","messages":[{"type":"text","txt":"typo"}]}""", "txt")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"text"}]}""", "text: required")]
    [InlineData("""{"replyToken":"t","messages":[]}""", "fewer than 1")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"text","text":"1"},{"type":"text","text":"2"},{"type":"text","text":"3"},{"type":"text","text":"4"},{"type":"text","text":"5"},{"type":"text","text":"6"}]}""", "more than 5")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"flex","altText":"a","contents":{"type":"bubble","body":{"type":"box","layout":"diagonal","contents":[]}}}]}""", "layout")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"flex","altText":"a","contents":{"type":"bubble","footer":{"type":"box","layout":"vertical","contents":[{"type":"button","action":{"type":"uri","label":"x","uri":"not a uri"}}]}}}]}""", "uri")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"text","text":"x","quickReply":{"items":[{"type":"action","action":{"type":"teleport","label":"x"}}]}}]}""", "teleport")]
    [InlineData("""{"to":"U1","messages":[{"type":"text","text":"x"}]}""", "replyToken: required")]
    [InlineData("""{"chatId":"U1","loadingSeconds":90}""", "above 60")]
    [InlineData("""{"chatId":"U1","loadingSeconds":7}""", "not a multiple of 5")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"text","text":"x","quickReply":{"items":[{"type":"action","action":{"type":"message","label":"二十一文字のとても長い選択肢ラベルです。。","text":"t"}}]}}]}""", "longer than 20")]
    [InlineData("""{"replyToken":"t","messages":[{"type":"flex","altText":"a","contents":{"type":"bubble","footer":{"type":"box","layout":"vertical","contents":[{"type":"button","action":{"type":"uri","label":"ok","uri":"javascript:alert(1)"}}]}}}]}""", "does not match")]
    public void The_checker_rejects_wrong_bodies(string body, string expected)
    {
        var schema = body.Contains("chatId", StringComparison.Ordinal) ? "ShowLoadingAnimationRequest" : "ReplyMessageRequest";
        var errors = Contract.Validate(JsonNode.Parse(body), schema);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Thirteen_quick_replies_fit_but_fourteen_do_not()
    {
        JsonObject Body(int n) => new()
        {
            ["replyToken"] = "t",
            ["messages"] = new JsonArray(new JsonObject
            {
                ["type"] = "text",
                ["text"] = "x",
                ["quickReply"] = new JsonObject { ["items"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode)new JsonObject { ["type"] = "action", ["action"] = new JsonObject { ["type"] = "message", ["label"] = "l", ["text"] = "t" } })]) },
            }),
        };
        Assert.Empty(Contract.Validate(Body(13), "ReplyMessageRequest"));
        Assert.NotEmpty(Contract.Validate(Body(14), "ReplyMessageRequest"));
    }

    [Fact]
    public void Every_example_in_the_contract_conforms_to_its_schema()
    {
        var examples = Contract.Examples.ToList();
        Assert.Superset(
            new HashSet<string> { "ReplyMessageRequest", "PushMessageRequest", "ShowLoadingAnimationRequest", "MarkMessagesAsReadByTokenRequest", "FlexMessage", "CallbackRequest" },
            examples.Select(e => e.Schema).ToHashSet());
        foreach (var (schema, example) in examples)
        {
            var errors = Contract.Validate(example, schema);
            Assert.True(errors.Count == 0, schema + ": " + string.Join("; ", errors));
        }

        // The webhook example is one the bot reads: a follow from a person.
        var body = Encoding.UTF8.GetBytes(examples.Single(e => e.Schema == "CallbackRequest").Example!.ToJsonString());
        var item = Assert.Single(LineWebhook.Read(body, out var skipped));
        Assert.Equal(0, skipped);
        Assert.Equal(LineEventKind.Follow, LineInboundEvent.Parse(item.EventJson).Kind);
    }

    [Fact]
    public void The_mapper_applies_the_contract_s_limits()
    {
        long Limit(string schema, string keyword, params string[] path)
        {
            JsonNode node = Contract.Schema(schema);
            foreach (var step in path)
            {
                var next = node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : node[step];
                node = next ?? throw new KeyNotFoundException(schema + " " + string.Join("/", path));
            }

            return long.Parse(node[keyword]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(LineMessageMapper.MaxMessagesPerCall, Limit("Messages", "maxItems"));
        Assert.Equal(LineMessageMapper.MaxTextLength, Limit("TextMessage", "maxLength", "allOf", "1", "properties", "text"));
        Assert.Equal(LineMessageMapper.MaxAltTextLength, Limit("FlexMessage", "maxLength", "allOf", "1", "properties", "altText"));
        Assert.Equal(LineMessageMapper.MaxQuickReplyItems, Limit("QuickReply", "maxItems", "properties", "items"));
        Assert.Equal(LineMessageMapper.MaxQuickReplyLabelLength, Limit("QuickReplyAction", "maxLength", "properties", "label"));
        Assert.Equal(LineMessageMapper.MaxButtonLabelLength, Limit("ButtonAction", "maxLength", "properties", "label"));
        Assert.Equal(LineMessageMapper.MaxBubblesPerCarousel, Limit("FlexCarousel", "maxItems", "allOf", "1", "properties", "contents"));
        Assert.Equal(LineMessageMapper.MaxPostbackDataLength, Limit("PostbackActionFields", "maxLength", "properties", "data"));
        Assert.Equal(LineMessageMapper.MaxMessageActionTextLength, Limit("MessageActionFields", "maxLength", "properties", "text"));
        Assert.Equal(LineMessageMapper.MaxMessageActionTextLength, Limit("PostbackActionFields", "maxLength", "properties", "displayText"));
    }

    [Fact]
    public void Every_event_type_of_the_contract_has_a_parseable_instance()
    {
        // One instance per event type of the Event discriminator, built from the schemas, valid against them, parsed without error.
        var mapping = Contract.Schema("Event")["discriminator"]!["mapping"]!.AsObject();
        Assert.True(mapping.Count >= 19);
        var generator = new SampleGenerator(Contract);
        foreach (var (type, _) in mapping)
        {
            var sample = generator.Event(type);
            Assert.True(Contract.Validate(sample, "Event").Count == 0, type + ": " + string.Join("; ", Contract.Validate(sample, "Event")));
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["destination"] = "U" + new string('0', 32), ["events"] = new JsonArray(sample) }.ToJsonString());
            Assert.Empty(Contract.Validate(JsonNode.Parse(body), "CallbackRequest"));
            var items = LineWebhook.Read(body, out var skipped);
            Assert.Equal(0, skipped);
            var parsed = LineInboundEvent.Parse(Assert.Single(items).EventJson);
            Assert.Equal(type, parsed.Type);
            var expected = type switch
            {
                "message" => LineEventKind.Text,
                "follow" => LineEventKind.Follow,
                "unfollow" => LineEventKind.Unfollow,
                "postback" => LineEventKind.Text,
                _ => LineEventKind.Ignored,
            };
            Assert.Equal(expected, parsed.Kind);
        }
    }

    [Fact]
    public void The_simulator_s_events_conform_to_the_contract()
    {
        var sim = new LineSimulator("s", "t", () => throw new InvalidOperationException());
        var user = LineSimulator.NewUserId();
        foreach (var e in new[] { sim.TextEvent(user, "x"), sim.StickerEvent(user), sim.ImageEvent(user), sim.FollowEvent(user), sim.UnfollowEvent(user), sim.PostbackEvent(user, "d") })
        {
            Assert.Empty(Contract.Validate(e, "Event"));
        }
    }

    /// <summary>Builds an instance of a schema: every declared property filled, enums with their first value, the discriminator set.</summary>
    private sealed class SampleGenerator(OpenApiSchemas schemas)
    {
        public JsonObject Event(string type)
        {
            var target = schemas.Schema("Event")["discriminator"]!["mapping"]![type]!.GetValue<string>().Split('/')[^1];
            var e = (JsonObject)Build(schemas.Schema(target), 0)!;
            e["type"] = type;
            e["source"] = new JsonObject { ["type"] = "user", ["userId"] = "U" + new string('a', 32) };
            if (type == "message")
            {
                e["message"] = new JsonObject { ["type"] = "text", ["id"] = "1", ["text"] = "こんにちは", ["quoteToken"] = "q" };
            }

            return e;
        }

        private JsonNode? Build(JsonObject schema, int depth)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                var target = schemas.Schema(reference.Split('/')[^1]);
                if (target["discriminator"] is JsonObject d && depth < 6)
                {
                    var first = d["mapping"]!.AsObject().First();
                    var built = Build(schemas.Schema(first.Value!.GetValue<string>().Split('/')[^1]), depth + 1) as JsonObject ?? [];
                    built[d["propertyName"]!.GetValue<string>()] = first.Key;
                    return built;
                }

                return Build(target, depth + 1);
            }

            if (schema["enum"] is JsonArray values)
            {
                return values[0]!.DeepClone();
            }

            var properties = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            Collect(schema, properties);
            switch (schema["type"]?.GetValue<string>())
            {
                case "string":
                    return schema["format"]?.GetValue<string>() == "uri" ? "https://example.com/a" : "s";
                case "integer" or "number":
                    return 5;
                case "boolean":
                    return false;
                case "array":
                    return depth < 6 && schema["items"] is JsonObject items ? new JsonArray(Build(items, depth + 1)) : [];
            }

            var obj = new JsonObject();
            if (depth >= 8)
            {
                return obj;
            }

            foreach (var (name, child) in properties)
            {
                obj[name] = Build(child, depth + 1);
            }

            return obj;
        }

        private void Collect(JsonObject schema, Dictionary<string, JsonObject> properties)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                Collect(schemas.Schema(reference.Split('/')[^1]), properties);
                return;
            }

            foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
            {
                properties[name] = (JsonObject)child!;
            }

            foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Collect(part, properties);
            }
        }
    }
}
