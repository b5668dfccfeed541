using System.Text.Json.Serialization;
using ChatSupport.BotKit.Activities;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>The Direct Line Conversation object.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null,
    [property: JsonPropertyName("referenceGrammarId")] string? ReferenceGrammarId = null);

/// <summary>The Direct Line ActivitySet object.</summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string? Watermark);

/// <summary>TokenParameters (request body of generate and start).</summary>
public sealed class TokenParameters
{
    [JsonPropertyName("user")] public ChannelAccount? User { get; set; }

    [JsonPropertyName("trustedOrigins")] public List<string>? TrustedOrigins { get; set; }

    [JsonPropertyName("eTag")] public string? ETag { get; set; }
}

/// <summary>The spec's ErrorResponse: <c>{"error": {"code": "...", "message": "..."}}</c>.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);

public sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

/// <summary>Stable error codes used in ErrorResponse.</summary>
public static class DirectLineErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string MissingProperty = "MissingProperty";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string TokenExpired = "TokenExpired";
    public const string NotFound = "NotFound";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string BotError = "BotError";
    public const string TooManyRequests = "TooManyRequests";
}
