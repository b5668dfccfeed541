using System.Globalization;
using System.Threading.RateLimiting;
using ChatSupport.Bot.Scale;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>Configuration section <c>ChatSupport:DirectLine:RateLimits</c>. A token bucket per key: a burst, then a steady rate.</summary>
public sealed class DirectLineRateLimitOptions
{
    public const string SectionName = "ChatSupport:DirectLine:RateLimits";

    /// <summary>Activities one conversation may post in a burst (default 30: far more than anyone types in a few seconds).</summary>
    public int PostBurst { get; set; } = 30;

    /// <summary>Activities one conversation may post per minute once its burst is spent (default 60: one a second).</summary>
    public int PostsPerMinute { get; set; } = 60;

    /// <summary>Conversations one client address may start with a token in a burst (default 60). Callers with the secret are not limited.</summary>
    public int ConversationBurst { get; set; } = 60;

    /// <summary>Conversations one client address may start per minute once its burst is spent (default 30).</summary>
    public int ConversationsPerMinute { get; set; } = 30;
}

/// <summary>
/// ASP.NET Core rate limiting on the Direct Line surface: posts per conversation, conversation starts per
/// client address, counted across every node when Redis is configured. A refusal is 429 with <c>Retry-After</c> (whole seconds) and the spec's ErrorResponse
/// (<c>TooManyRequests</c>); nothing of a refused post is stored.
/// </summary>
public static class DirectLineRateLimits
{
    public const string PostPolicy = "directline-post";
    public const string ConversationPolicy = "directline-conversation";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineRateLimitOptions>()
            .Bind(configuration.GetSection(DirectLineRateLimitOptions.SectionName))
            .Validate(
                o => o.PostBurst > 0 && o.PostsPerMinute > 0 && o.ConversationBurst > 0 && o.ConversationsPerMinute > 0,
                "ChatSupport:DirectLine:RateLimits: PostBurst, PostsPerMinute, ConversationBurst and ConversationsPerMinute must all be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(new SharedRateLimits());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.AddPolicy(PostPolicy, http =>
            {
                var limits = Limits(http);
                var conversationId = http.Request.RouteValues["conversationId"] as string ?? string.Empty;
                return Shared(http, "post:" + conversationId, limits.PostBurst, limits.PostsPerMinute);
            });
            options.AddPolicy(ConversationPolicy, http =>
            {
                if (CallsWithSecret(http))
                {
                    // The secret lives on a trusted server that starts conversations for many people.
                    return RateLimitPartition.GetNoLimiter("secret");
                }

                var limits = Limits(http);
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return Shared(http, "start:" + client, limits.ConversationBurst, limits.ConversationsPerMinute);
            });
        });
        return services;
    }

    /// <summary>Writes the refusal: Retry-After and, on Direct Line paths, the spec's error shape.</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (context.HttpContext.Request.Path.StartsWithSegments("/v3/directline", StringComparison.Ordinal))
        {
            await response.WriteAsJsonAsync(
                new ErrorResponse(new ErrorBody(DirectLineErrorCodes.TooManyRequests, "Too many requests; wait for the time in Retry-After and send again.")),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A token bucket for <paramref name="key"/>, shared by every node when Redis is configured (see <see cref="SharedRateLimits"/>).</summary>
    public static RateLimitPartition<string> Shared(HttpContext http, string key, int burst, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(http);
        var buckets = http.RequestServices.GetRequiredService<SharedRateLimits>();
        return RateLimitPartition.Get(key, k => buckets.TokenBucket(k, burst, perMinute));
    }

    private static DirectLineRateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<DirectLineRateLimitOptions>>().Value;

    private static bool CallsWithSecret(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<DirectLineTokens>().IsSecret(header[7..].Trim());
    }
}
