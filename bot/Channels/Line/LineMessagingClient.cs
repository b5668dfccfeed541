using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>The outcome of one Messaging API call after retries: the last HTTP status (0 when no answer came).</summary>
public readonly record struct LineApiResult(int StatusCode)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Worth trying again later with the same retry key (rate limit, server error, no answer).</summary>
    public bool IsTransient => StatusCode is 0 or 429 or >= 500;

    /// <summary>409 on a push: a request with this retry key was already accepted, so the messages were sent.</summary>
    public bool AlreadyAccepted => StatusCode == (int)HttpStatusCode.Conflict;
}

/// <summary>
/// A small client of the LINE Messaging API (the requests of the LINE contract, line-contract.yaml): reply, push with
/// <c>X-Line-Retry-Key</c>, loading animation, mark as read. Every call is retried with
/// exponential back-off and jitter on 429, 5xx, timeouts and network errors (Polly), honouring
/// <c>Retry-After</c>. No message text or user id is logged.
/// </summary>
public sealed class LineMessagingClient
{
    public const string HttpClientName = "ChatSupport.Line";
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    private readonly IHttpClientFactory _factory;
    private readonly ILogger<LineMessagingClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public LineMessagingClient(IHttpClientFactory factory, IOptions<LineOptions> options, ILogger<LineMessagingClient> logger)
    {
        _factory = factory;
        _logger = logger;
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    _logger.LogWarning(
                        "LINE API call retried (attempt {Attempt}, status {Status}, waiting {Delay}).",
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : 0,
                        args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.AddTimeout(o.RequestTimeout).Build();
    }

    public static JsonObject ReplyBody(string replyToken, JsonArray messages) =>
        new() { ["replyToken"] = replyToken, ["messages"] = messages.DeepClone() };

    public static JsonObject PushBody(string to, JsonArray messages) =>
        new() { ["to"] = to, ["messages"] = messages.DeepClone() };

    public static JsonObject LoadingBody(string chatId, int seconds) =>
        new() { ["chatId"] = chatId, ["loadingSeconds"] = Math.Clamp(seconds / 5 * 5, 5, 60) };

    public static JsonObject MarkAsReadBody(string markAsReadToken) =>
        new() { ["markAsReadToken"] = markAsReadToken };

    public Task<LineApiResult> ReplyAsync(string replyToken, JsonArray messages, CancellationToken cancellationToken = default) =>
        SendAsync("v2/bot/message/reply", ReplyBody(replyToken, messages), null, cancellationToken);

    /// <summary>Pushes with the given retry key; every retry of the same messages must use the same key.</summary>
    public Task<LineApiResult> PushAsync(string to, JsonArray messages, string retryKey, CancellationToken cancellationToken = default) =>
        SendAsync("v2/bot/message/push", PushBody(to, messages), retryKey, cancellationToken);

    public Task<LineApiResult> ShowLoadingAsync(string chatId, int seconds, CancellationToken cancellationToken = default) =>
        SendAsync("v2/bot/chat/loading/start", LoadingBody(chatId, seconds), null, cancellationToken);

    public Task<LineApiResult> MarkAsReadAsync(string markAsReadToken, CancellationToken cancellationToken = default) =>
        SendAsync("v2/bot/chat/markAsRead", MarkAsReadBody(markAsReadToken), null, cancellationToken);

    private async Task<LineApiResult> SendAsync(string path, JsonObject body, string? retryKey, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var http = _factory.CreateClient(HttpClientName);
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, path)
                    {
                        Content = new StringContent(json, Encoding.UTF8, "application/json"),
                    };
                    if (retryKey is not null)
                    {
                        request.Headers.TryAddWithoutValidation(RetryKeyHeader, retryKey);
                    }

                    return await http.SendAsync(request, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                _logger.LogWarning("LINE API {Path} answered {Status}.", path, status);
            }

            return new LineApiResult(status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("LINE API {Path} did not answer ({Error}).", path, ex.GetType().Name);
            return new LineApiResult(0);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return Clamp(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - DateTimeOffset.UtcNow);
        }

        return null;
    }

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(60) : delay;

    /// <summary>Configures the named HttpClient: base address (with a trailing slash so paths append) and the Bearer token.</summary>
    internal static void Configure(HttpClient client, LineOptions options)
    {
        var baseUrl = options.ApiBaseUrl.TrimEnd('/') + "/";
        client.BaseAddress = new Uri(baseUrl, UriKind.Absolute);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ChannelAccessToken);
        client.Timeout = Timeout.InfiniteTimeSpan;
    }
}
