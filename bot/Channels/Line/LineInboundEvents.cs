using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>What the processor does with one webhook event.</summary>
public enum LineEventKind
{
    /// <summary>A text message or a postback: the bot reads it.</summary>
    Text,

    /// <summary>A sticker, image, video, audio, file or location: a kind reply that only text is read.</summary>
    OtherMessage,

    /// <summary>Added as a friend or unblocked: welcome.</summary>
    Follow,

    /// <summary>Blocked: stop sending, mark the conversation.</summary>
    Unfollow,

    /// <summary>Anything else (group events, unsend, unknown types): skipped with a log line.</summary>
    Ignored,
}

/// <summary>A webhook event read for the processor. <see cref="LineUserId"/> is null unless the source is a one-on-one chat with a user.</summary>
public sealed record LineInboundEvent(
    LineEventKind Kind,
    string Type,
    string? LineUserId,
    string? ReplyToken,
    DateTimeOffset? Timestamp,
    bool IsRedelivery,
    string? Text,
    string? MessageType,
    string? MarkAsReadToken,
    JsonNode? Postback)
{
    /// <summary>Reads one webhook event object (<c>Event</c> of the LINE contract, line-contract.yaml); unknown shapes become <see cref="LineEventKind.Ignored"/>, never an exception.</summary>
    public static LineInboundEvent Parse(string json)
    {
        JsonObject? e;
        try
        {
            e = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            e = null;
        }

        if (e is null)
        {
            return new LineInboundEvent(LineEventKind.Ignored, "?", null, null, null, false, null, null, null, null);
        }

        var type = Str(e["type"]) ?? "?";
        var source = e["source"] as JsonObject;
        var userId = Str(source?["type"]) == "user" ? Str(source?["userId"]) : null;
        DateTimeOffset? timestamp = e["timestamp"] is JsonValue ts && ts.TryGetValue<long>(out var ms) && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, 253402300799999))
            : null;
        var redelivery = e["deliveryContext"]?["isRedelivery"] is JsonValue r && r.TryGetValue<bool>(out var isRedelivery) && isRedelivery;
        var replyToken = Str(e["replyToken"]);
        var kind = LineEventKind.Ignored;
        string? text = null;
        string? messageType = null;
        string? markAsRead = null;
        JsonNode? postback = null;
        switch (type)
        {
            case "message" when e["message"] is JsonObject message:
                messageType = Str(message["type"]);
                markAsRead = Str(message["markAsReadToken"]);
                text = messageType == "text" ? Str(message["text"]) : null;
                kind = messageType switch
                {
                    "text" when text is not null => LineEventKind.Text,
                    "image" or "video" or "audio" or "file" or "location" or "sticker" => LineEventKind.OtherMessage,
                    _ => LineEventKind.Ignored,
                };
                break;
            case "postback" when e["postback"] is JsonObject content && Str(content["data"]) is { } data:
                kind = LineEventKind.Text;
                text = data;
                postback = content.DeepClone();
                break;
            case "follow":
                kind = LineEventKind.Follow;
                break;
            case "unfollow":
                kind = LineEventKind.Unfollow;
                break;
        }

        if (userId is null)
        {
            kind = LineEventKind.Ignored;
        }

        return new LineInboundEvent(kind, type, userId, replyToken, timestamp, redelivery, text, messageType, markAsRead, postback);
    }

    /// <summary>The activity the bot sees for this event (none for unfollow and ignored events).</summary>
    public Activity? ToActivity(string conversationId, DateTimeOffset now)
    {
        if (LineUserId is null)
        {
            return null;
        }

        var user = new ChannelAccount(LineIds.ActivityUserId(LineUserId), null, RoleTypes.User);
        var bot = ChannelAdapter.BotAccount();
        var activity = new Activity
        {
            ChannelId = LineAdapter.ChannelId,
            Conversation = new ConversationAccount(conversationId),
            From = user,
            Recipient = bot,
            Locale = "ja-JP",
            Timestamp = Timestamp ?? now,
        };
        switch (Kind)
        {
            case LineEventKind.Text:
                activity.Type = ActivityTypes.Message;
                activity.Text = Text;
                if (Postback is not null)
                {
                    activity.Value = JsonSerializer.SerializeToElement(Postback);
                    activity.ChannelData = JsonSerializer.SerializeToElement(new { lineEvent = "postback" });
                }

                return activity;
            case LineEventKind.OtherMessage:
                activity.Type = ActivityTypes.Message;
                activity.ChannelData = JsonSerializer.SerializeToElement(new { lineMessageType = MessageType });
                return activity;
            case LineEventKind.Follow:
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [bot, user];
                return activity;
            case LineEventKind.Unfollow:
                activity.Type = ActivityTypes.Event;
                activity.Name = "lineUnfollow";
                return activity;
            default:
                return null;
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
