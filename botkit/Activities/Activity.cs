using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSupport.BotKit.Activities;

/// <summary>
/// A Bot Framework activity (specs/botframework/botframework-activity.md, v3.1). JSON field names
/// are exactly the spec's; fields this type does not model are kept in <see cref="Properties"/>
/// so that an activity round-trips unchanged.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("localTimestamp")] public string? LocalTimestamp { get; set; }
    [JsonPropertyName("localTimezone")] public string? LocalTimezone { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("attachmentLayout")] public string? AttachmentLayout { get; set; }
    [JsonPropertyName("membersAdded")] public List<ChannelAccount>? MembersAdded { get; set; }
    [JsonPropertyName("membersRemoved")] public List<ChannelAccount>? MembersRemoved { get; set; }
    [JsonPropertyName("topicName")] public string? TopicName { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("speak")] public string? Speak { get; set; }
    [JsonPropertyName("inputHint")] public string? InputHint { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("suggestedActions")] public SuggestedActions? SuggestedActions { get; set; }
    [JsonPropertyName("attachments")] public List<Attachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public List<Entity>? Entities { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("valueType")] public string? ValueType { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("relatesTo")] public ConversationReference? RelatesTo { get; set; }
    [JsonPropertyName("importance")] public string? Importance { get; set; }
    [JsonPropertyName("deliveryMode")] public string? DeliveryMode { get; set; }
    [JsonPropertyName("expiration")] public DateTimeOffset? Expiration { get; set; }

    /// <summary>Fields of the wire form that this type does not model; written back unchanged.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>A message from the bot in this conversation, addressed to the sender of this activity.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    public static Activity CreateEvent(string name, JsonElement? value = null) =>
        new() { Type = ActivityTypes.Event, Name = name, Value = value };

    /// <summary>
    /// A copy that shares every nested object (accounts, attachments, lists) with this one: only for writing a variant
    /// of this activity (another id or timestamp) without changing it (<see cref="ActivityJson.SerializeWith"/>).
    /// </summary>
    internal Activity ShallowCopy() => (Activity)MemberwiseClone();

    /// <summary>A deep copy through the wire form, so a stored or echoed activity is never shared.</summary>
    public Activity Clone() =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(this, ActivityJson.Options), ActivityJson.Options.GetTypeInfo(typeof(Activity))) as Activity
        ?? throw new InvalidOperationException("An activity could not be copied.");
}

public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public ConversationAccount()
    {
    }

    public ConversationAccount(string id) => Id = id;

    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationReference
{
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }

    /// <summary>A proactive message from the bot into the referenced conversation.</summary>
    public Activity CreateMessage(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Bot,
        Recipient = User,
        Locale = Locale,
        Text = text,
    };
}

public sealed class Attachment
{
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("thumbnailUrl")] public string? ThumbnailUrl { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class SuggestedActions
{
    [JsonPropertyName("to")] public List<string>? To { get; set; }
    [JsonPropertyName("actions")] public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string title, object? value = null)
    {
        Type = type;
        Title = title;
        if (value is not null)
        {
            Value = JsonSerializer.SerializeToElement(value, value.GetType(), ActivityJson.Options);
        }
    }

    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("image")] public string? Image { get; set; }
    [JsonPropertyName("imageAltText")] public string? ImageAltText { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("displayText")] public string? DisplayText { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A button that posts its value back as the user's message text.</summary>
    public static CardAction ImBack(string title, string? value = null) => new(ActionTypes.ImBack, title, value ?? title);

    public static CardAction OpenUrl(string title, string url) => new(ActionTypes.OpenUrl, title, url);

    public static CardAction Call(string title, string telUri) => new(ActionTypes.Call, title, telUri);
}

public sealed class Entity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A hero card (botframework-cards.md): sent as the content of an attachment.</summary>
public sealed class HeroCard
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("subtitle")] public string? Subtitle { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("images")] public List<CardImage>? Images { get; set; }
    [JsonPropertyName("buttons")] public List<CardAction>? Buttons { get; set; }
    [JsonPropertyName("tap")] public CardAction? Tap { get; set; }

    public Attachment ToAttachment() => new()
    {
        ContentType = AttachmentContentTypes.HeroCard,
        Content = JsonSerializer.SerializeToElement(this, ActivityJson.Options),
    };
}

public sealed class CardImage
{
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("alt")] public string? Alt { get; set; }
    [JsonPropertyName("tap")] public CardAction? Tap { get; set; }
}

/// <summary>A resource id answer (POST activities returns one).</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
