using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Domain.Tests.Activities;

public sealed class ActivitySchemaTests
{
    private const string FullMessage = """
        {
          "type": "message",
          "id": "conv|0000001",
          "timestamp": "2026-11-25T10:00:00.0000000Z",
          "localTimestamp": "2026-11-25T19:00:00.000+09:00",
          "localTimezone": "Asia/Tokyo",
          "serviceUrl": "https://example.invalid",
          "channelId": "directline",
          "from": { "id": "dl_user", "name": "ゆうき", "role": "user" },
          "conversation": { "id": "conv", "isGroup": false },
          "recipient": { "id": "bot", "role": "bot" },
          "textFormat": "plain",
          "locale": "ja-JP",
          "text": "相談したい",
          "attachmentLayout": "carousel",
          "attachments": [
            { "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "よりそいホットライン", "buttons": [ { "type": "call", "title": "電話する", "value": "tel:0120279338" } ] } },
            { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "x" } ], "$schema": "http://adaptivecards.io/schemas/adaptive-card.json" } }
          ],
          "suggestedActions": { "to": ["dl_user"], "actions": [ { "type": "imBack", "title": "はい", "value": "はい" }, { "type": "postBack", "title": "2", "value": { "choice": 2 } } ] },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true } ],
          "channelData": { "clientActivityID": "abc", "nested": { "n": 1 } },
          "value": { "answer": [1, 2, 3] },
          "name": "custom",
          "replyToId": "conv|0000000",
          "futureField": { "kept": true }
        }
        """;

    [Fact]
    public void A_full_message_round_trips_with_the_spec_field_names_and_unknown_fields_kept()
    {
        var activity = ActivityJson.Deserialize(FullMessage);
        var written = JsonNode.Parse(ActivityJson.Serialize(activity))!;
        var original = JsonNode.Parse(FullMessage)!;

        Assert.True(JsonNode.DeepEquals(original, written), $"Round trip changed the activity:\n{written}");
    }

    [Fact]
    public void Fields_map_to_the_typed_model()
    {
        var activity = ActivityJson.Deserialize(FullMessage);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("相談したい", activity.Text);
        Assert.Equal("user", activity.From!.Role);
        Assert.Equal(AttachmentContentTypes.HeroCard, activity.Attachments![0].ContentType);
        Assert.Equal("AdaptiveCard", activity.Attachments[1].Content!.Value.GetProperty("type").GetString());
        Assert.Equal(2, activity.SuggestedActions!.Actions.Count);
        Assert.Equal(ActionTypes.PostBack, activity.SuggestedActions.Actions[1].Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), activity.Timestamp);
        Assert.True(activity.Properties!.ContainsKey("futureField"));
    }

    [Theory]
    [InlineData("""{"type":"typing","from":{"id":"u"}}""")]
    [InlineData("""{"type":"event","name":"handoff.initiate","value":{"transcript":[]}}""")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"u"}],"membersRemoved":[{"id":"b"}]}""")]
    [InlineData("""{"type":"endOfConversation","code":"userCancelled","text":"bye"}""")]
    public void Other_activity_types_round_trip(string json)
    {
        var written = ActivityJson.Serialize(ActivityJson.Deserialize(json));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Timestamps_are_written_in_utc_with_z()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Timestamp = new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.FromHours(9)) };
        var json = JsonDocument.Parse(ActivityJson.Serialize(activity));
        Assert.Equal("2026-01-02T03:00:00.0000000Z", json.RootElement.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void A_hero_card_becomes_an_attachment_with_the_hero_content_type()
    {
        var card = new HeroCard { Title = "相談先", Buttons = [CardAction.Call("電話する", "tel:0120279338")] };
        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.hero", attachment.ContentType);
        Assert.Equal("tel:0120279338", attachment.Content!.Value.GetProperty("buttons")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void A_reply_is_addressed_back_to_the_sender()
    {
        var incoming = ActivityJson.Deserialize(FullMessage);
        var reply = incoming.CreateReply("ありがとう");

        Assert.Equal("dl_user", reply.Recipient!.Id);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal("conv", reply.Conversation!.Id);
    }

    [Fact]
    public void Malformed_json_is_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize("{\"type\":"));
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize("{\"type\":\"message\",\"timestamp\":\"nope\"}"));
    }
}
