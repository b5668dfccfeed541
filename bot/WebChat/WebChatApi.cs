using ChatSupport.Bot.Channels.DirectLine;
using ChatSupport.Domain.Handoff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton(new Scale.SharedRateLimits());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // 30 page tokens per client address a minute, counted across every node when Redis is configured.
            options.AddPolicy(RateLimitPolicy, http => DirectLineRateLimits.Shared(http, "webchat-token:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), 30, 30));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", IssueToken).RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/api/webchat/exit", ExitAsync);
        return app;
    }

    /// <summary>
    /// The quick-exit button: the page's token (even an expired one, if its signature is ours) stops working for its
    /// conversation at once, on every node, and the conversation's open streams end; whoever finds the device
    /// afterwards cannot read the chat back with a token left in memory or a proxy log.
    /// </summary>
    public static async Task<IResult> ExitAsync(HttpRequest request, DirectLineServices s, [FromServices] HandoffRequests handoff)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : string.Empty;
        if (token.Length == 0 || s.Tokens.Check(token, out var grant) == TokenCheck.Invalid || grant is null)
        {
            return DirectLineApi.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The token is not valid.");
        }

        await s.Sessions.RevokeAsync(grant.ConversationId, CancellationToken.None).ConfigureAwait(false);
        s.Hub.EndStreams(grant.ConversationId);

        // A counselor waited for or holding this chat is told (and a wait ends): nothing more reaches the person here.
        await handoff.PersonLeftAsync(grant.ConversationId, CancellationToken.None).ConfigureAwait(false);

        return TypedResults.NoContent();
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
