using ChatSupport.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatSupport.Bot.WebChat;

/// <summary>
/// The web chat page's own token endpoint: the page never sees the Direct Line secret, only a token
/// for one new conversation with a new anonymous user id.
/// </summary>
public static class WebChatApi
{
    public const string RateLimitPolicy = "webchat-token";

    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, http => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", IssueToken).RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    public static IResult IssueToken(DirectLineServices s)
    {
        var conversationId = DirectLineTokens.NewId();
        var userId = "dl_" + DirectLineTokens.NewId();
        var token = s.Tokens.Issue(conversationId, userId);
        return TypedResults.Ok(new WebChatToken(token, userId, (int)s.Tokens.Lifetime.TotalSeconds));
    }
}

public sealed record WebChatToken(string Token, string UserId, int ExpiresIn);
