using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatSupport.Bot.Channels.Line;

namespace ChatSupport.Tools.Line;

/// <summary>One Messaging API request the simulator received, and how it answered.</summary>
public sealed record LineApiCall(string Path, string? RetryKey, JsonObject? Body, int Status, IReadOnlyList<string> SchemaErrors, string? UserId, DateTimeOffset At)
{
    /// <summary>True when LINE carried the request out (also when its answer was lost on the way).</summary>
    public bool Accepted => UserId is not null;
}

/// <summary>
/// Plays LINE for developers and tests: sends correctly signed webhooks to the bot, and answers the
/// Messaging API (reply, push, loading animation, mark as read) the way LINE does — single-use
/// reply tokens that expire, <c>X-Line-Retry-Key</c> answered with 409 when already accepted,
/// Bearer token checked, every body checked against the contract (line-contract.yaml) when it is given —
/// and records what the bot sent. Failures (429, 500) can be injected.
/// </summary>
public sealed class LineSimulator
{
    private readonly string _secret;
    private readonly string _accessToken;
    private readonly Func<HttpClient> _bot;
    private readonly OpenApiSchemas? _schemas;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (string UserId, DateTimeOffset IssuedAt, bool Used)> _replyTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _acceptedRetryKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(int Status, string? PathContains, bool AfterAccept)> _failures = new();
    private readonly List<LineApiCall> _calls = [];
    private readonly object _lock = new();
    private long _ids = 100000;

    public LineSimulator(string channelSecret, string channelAccessToken, Func<HttpClient> botClient, OpenApiSchemas? schemas = null, TimeProvider? clock = null)
    {
        _secret = channelSecret;
        _accessToken = channelAccessToken;
        _bot = botClient;
        _schemas = schemas;
        _clock = clock ?? TimeProvider.System;
        Handler = new InMemoryHandler(this);
    }

    /// <summary>The bot's own user id (the webhook's <c>destination</c>).</summary>
    public string BotUserId { get; } = NewUserId();

    /// <summary>How long a reply token is accepted.</summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    public string WebhookPath { get; set; } = LineWebhook.Path;

    /// <summary>The Messaging API as an in-process handler (tests plug it into the bot's HttpClient).</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>Raised for every API request (the CLI prints what the bot sent).</summary>
    public event Action<LineApiCall>? Received;

    public IReadOnlyList<LineApiCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The messages LINE accepted for a person (by reply or push), in order.</summary>
    public IReadOnlyList<JsonObject> MessagesTo(string userId) =>
        [.. Calls.Where(c => c.UserId == userId && c.Accepted && c.Path.Contains("/message/", StringComparison.Ordinal))
            .SelectMany(c => (c.Body?["messages"] as JsonArray ?? []).OfType<JsonObject>())];

    public static string NewUserId() => "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The next <paramref name="count"/> API calls (whose path contains <paramref name="pathContains"/>) answer <paramref name="status"/>.</summary>
    public void FailNext(int status, int count = 1, string? pathContains = null)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue((status, pathContains, false));
        }
    }

    /// <summary>The next matching call is carried out but answered <paramref name="status"/>, as when LINE's answer is lost on the way.</summary>
    public void LoseNextAnswer(int status, string pathContains) => _failures.Enqueue((status, pathContains, true));

    // ---- webhook side ----

    public JsonObject TextEvent(string userId, string text) => Event("message", userId, withReplyToken: true, ("message", new JsonObject
    {
        ["id"] = NextId(),
        ["type"] = "text",
        ["text"] = text,
        ["quoteToken"] = "q" + NextId(),
        ["markAsReadToken"] = "r" + NextId(),
    }));

    public JsonObject StickerEvent(string userId) => Event("message", userId, withReplyToken: true, ("message", new JsonObject
    {
        ["id"] = NextId(),
        ["type"] = "sticker",
        ["packageId"] = "446",
        ["stickerId"] = "1988",
        ["stickerResourceType"] = "STATIC",
        ["quoteToken"] = "q" + NextId(),
    }));

    public JsonObject ImageEvent(string userId) => Event("message", userId, withReplyToken: true, ("message", new JsonObject
    {
        ["id"] = NextId(),
        ["type"] = "image",
        ["contentProvider"] = new JsonObject { ["type"] = "line" },
        ["quoteToken"] = "q" + NextId(),
    }));

    public JsonObject FollowEvent(string userId) => Event("follow", userId, withReplyToken: true, ("follow", new JsonObject { ["isUnblocked"] = false }));

    public JsonObject UnfollowEvent(string userId) => Event("unfollow", userId, withReplyToken: false);

    public JsonObject PostbackEvent(string userId, string data) => Event("postback", userId, withReplyToken: true, ("postback", new JsonObject { ["data"] = data }));

    /// <summary>The same event again as LINE redelivers it: same webhookEventId, <c>isRedelivery</c> true.</summary>
    public static JsonObject Redelivery(JsonObject e)
    {
        var copy = (JsonObject)e.DeepClone();
        copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return copy;
    }

    public string Body(params JsonObject[] events) =>
        new JsonObject { ["destination"] = BotUserId, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]) }.ToJsonString();

    /// <summary>Signs and posts the events to the bot's webhook.</summary>
    public Task<HttpResponseMessage> SendAsync(params JsonObject[] events) => PostAsync(Encoding.UTF8.GetBytes(Body(events)), sign: true);

    /// <summary>Posts raw bytes, signed with the channel secret unless <paramref name="sign"/> is false (or with a given signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, bool sign = true, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (signature is not null || sign)
        {
            request.Headers.TryAddWithoutValidation(LineSignature.HeaderName, signature ?? LineSignature.Compute(_secret, body));
        }

        return await _bot().SendAsync(request).ConfigureAwait(false);
    }

    // ---- Messaging API side ----

    /// <summary>Answers one Messaging API request as LINE would.</summary>
    public (int Status, string Body) HandleApi(string path, string? authorization, string? retryKey, string body)
    {
        var api = path.IndexOf("/v2/", StringComparison.Ordinal);
        var operation = api >= 0 ? path[api..] : path;
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var (status, answer, userId, errors) = Answer(operation, authorization, retryKey, json);
        var call = new LineApiCall(path, retryKey, json, status, errors, userId, _clock.GetUtcNow());
        lock (_lock)
        {
            _calls.Add(call);
        }

        Received?.Invoke(call);
        return (status, answer);
    }

    private (int, string, string?, IReadOnlyList<string>) Answer(string path, string? authorization, string? retryKey, JsonObject? json)
    {
        if (authorization != "Bearer " + _accessToken)
        {
            return (401, Error("Authentication failed due to the following reason: invalid token."), null, []);
        }

        var schema = path switch
        {
            "/v2/bot/message/reply" => "ReplyMessageRequest",
            "/v2/bot/message/push" => "PushMessageRequest",
            "/v2/bot/chat/loading/start" => "ShowLoadingAnimationRequest",
            "/v2/bot/chat/markAsRead" => "MarkMessagesAsReadByTokenRequest",
            _ => null,
        };
        if (schema is null)
        {
            return (404, Error("Not found"), null, []);
        }

        if (json is null)
        {
            return (400, Error("The request body is not JSON."), null, ["$: not a JSON object"]);
        }

        var errors = _schemas?.Validate(json, schema) ?? [];
        if (errors.Count > 0)
        {
            return (400, Error("The request body has " + errors.Count + " error(s)"), null, errors);
        }

        if (_failures.TryPeek(out var failure) && (failure.PathContains is null || path.Contains(failure.PathContains, StringComparison.Ordinal)) && _failures.TryDequeue(out failure))
        {
            if (!failure.AfterAccept)
            {
                return (failure.Status, Error("Simulated failure"), null, []);
            }

            var (_, _, acceptedUser, _) = Carry(schema, json, retryKey);
            return (failure.Status, Error("Simulated lost answer"), acceptedUser, []);
        }

        return Carry(schema, json, retryKey);
    }

    private (int, string, string?, IReadOnlyList<string>) Carry(string schema, JsonObject json, string? retryKey)
    {

        switch (schema)
        {
            case "ReplyMessageRequest":
                var token = json["replyToken"]!.GetValue<string>();
                lock (_lock)
                {
                    if (!_replyTokens.TryGetValue(token, out var issued) || issued.Used || _clock.GetUtcNow() - issued.IssuedAt > ReplyTokenLifetime)
                    {
                        return (400, Error("Invalid reply token"), null, []);
                    }

                    _replyTokens[token] = issued with { Used = true };
                    return (200, Sent(json), issued.UserId, []);
                }

            case "PushMessageRequest":
                if (retryKey is not null)
                {
                    if (!Guid.TryParse(retryKey, out _))
                    {
                        return (400, Error("The retry key must be a UUID"), null, []);
                    }

                    if (!_acceptedRetryKeys.TryAdd(retryKey, true))
                    {
                        return (409, Error("The retry key is already accepted"), null, []);
                    }
                }

                return (200, Sent(json), json["to"]!.GetValue<string>(), []);
            case "ShowLoadingAnimationRequest":
                return (202, "{}", json["chatId"]!.GetValue<string>(), []);
            default:
                return (200, "{}", null, []);
        }
    }

    /// <summary>One line per message for a terminal: text, quick replies, cards with their buttons.</summary>
    public static string Render(JsonObject message)
    {
        var text = new StringBuilder();
        switch (message["type"]?.GetValue<string>())
        {
            case "text":
                text.Append(message["text"]?.GetValue<string>());
                break;
            case "flex":
                var contents = message["contents"] as JsonObject;
                var bubbles = contents?["type"]?.GetValue<string>() == "carousel" ? (contents["contents"] as JsonArray ?? []).OfType<JsonObject>() : contents is null ? [] : [contents];
                foreach (var bubble in bubbles)
                {
                    var lines = (bubble["body"]?["contents"] as JsonArray ?? []).OfType<JsonObject>().Select(c => c["text"]?.GetValue<string>());
                    var buttons = (bubble["footer"]?["contents"] as JsonArray ?? []).OfType<JsonObject>()
                        .Select(b => $"[{b["action"]?["label"]?.GetValue<string>()} → {b["action"]?["uri"]?.GetValue<string>() ?? b["action"]?["text"]?.GetValue<string>()}]");
                    text.Append("\n  ┃ ").AppendJoin(" ─ ", lines).Append(' ').AppendJoin(' ', buttons);
                }

                break;
            default:
                text.Append('(').Append(message["type"]?.GetValue<string>()).Append(')');
                break;
        }

        if (message["quickReply"]?["items"] is JsonArray items)
        {
            text.Append("\n  quick replies: ").AppendJoin(" | ", items.Select(i => i?["action"]?["label"]?.GetValue<string>()));
        }

        return text.ToString();
    }

    private JsonObject Event(string type, string userId, bool withReplyToken, params (string Name, JsonNode Value)[] extra)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        if (withReplyToken)
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _replyTokens[token] = (userId, _clock.GetUtcNow(), false);
            e["replyToken"] = token;
        }

        foreach (var (name, value) in extra)
        {
            e[name] = value;
        }

        return e;
    }

    private string NextId() => Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);

    /// <summary>A ULID-shaped id (26 Crockford base-32 characters), as LINE's webhookEventId.</summary>
    private static string NewEventId()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(26);
        return string.Create(26, bytes, (span, b) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[b[i] % 32];
            }
        });
    }

    private string Sent(JsonObject request) =>
        new JsonObject
        {
            ["sentMessages"] = new JsonArray([.. (request["messages"] as JsonArray ?? []).Select(_ => (JsonNode)new JsonObject { ["id"] = NextId() })]),
        }.ToJsonString();

    private static string Error(string message) => new JsonObject { ["message"] = message }.ToJsonString();

    private sealed class InMemoryHandler(LineSimulator simulator) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var retryKey = request.Headers.TryGetValues(LineMessagingClient.RetryKeyHeader, out var keys) ? keys.FirstOrDefault() : null;
            var (status, answer) = simulator.HandleApi(request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), retryKey, body);
            return new HttpResponseMessage((HttpStatusCode)status)
            {
                RequestMessage = request,
                Content = new StringContent(answer, Encoding.UTF8, "application/json"),
            };
        }
    }
}
