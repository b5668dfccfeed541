using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Storage;

namespace ChatSupport.Bot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface (specs/directline), so the official Web Chat and DirectLineJS work unchanged.</summary>
public static class DirectLineApi
{
    private static readonly HashSet<string> AcceptedInboundTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Typing,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
    };

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").WithTags("Direct Line");
        api.MapPost("/tokens/generate", GenerateTokenAsync);
        api.MapPost("/tokens/refresh", RefreshTokenAsync);
        api.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimits.ConversationPolicy);
        api.MapGet("/conversations/{conversationId}", GetConversationAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimits.PostPolicy);
        api.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        return app;
    }

    public static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineServices s)
    {
        if (!TryAuthenticate(request, s, out var caller, out var failure))
        {
            return failure;
        }

        if (caller.Grant is not null)
        {
            return Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "Generating a token needs the Direct Line secret.");
        }

        var (parameters, parseError) = await ReadTokenParametersAsync(request, s).ConfigureAwait(false);
        if (parseError is not null)
        {
            return parseError;
        }

        var userId = parameters?.User?.Id;
        if (userId is not null && !IsValidUserId(userId))
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "user.id must be 1 to 64 letters, digits or _ - . : @.");
        }

        var conversationId = DirectLineTokens.NewId();
        var token = s.Tokens.Issue(conversationId, userId ?? NewUserId());
        return TypedResults.Ok(new DirectLineConversation(conversationId, token, LifetimeSeconds(s)));
    }

    public static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineServices s)
    {
        if (!TryAuthenticate(request, s, out var caller, out var failure))
        {
            return failure;
        }

        if (caller.Grant is null)
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "Only a token can be refreshed; a secret does not expire.");
        }

        if (await s.Sessions.IsRevokedAsync(caller.Grant.ConversationId, request.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            return Revoked();
        }

        var token = s.Tokens.Issue(caller.Grant.ConversationId, caller.Grant.UserId);
        return TypedResults.Ok(new DirectLineConversation(caller.Grant.ConversationId, token, LifetimeSeconds(s)));
    }

    public static async Task<IResult> StartConversationAsync(HttpRequest request, DirectLineServices s)
    {
        if (!TryAuthenticate(request, s, out var caller, out var failure))
        {
            return failure;
        }

        string conversationId;
        string userId;
        string token;
        if (caller.Grant is not null)
        {
            if (await s.Sessions.IsRevokedAsync(caller.Grant.ConversationId, request.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                return Revoked();
            }

            (conversationId, userId, token) = (caller.Grant.ConversationId, caller.Grant.UserId, caller.Token!);
        }
        else
        {
            var (parameters, parseError) = await ReadTokenParametersAsync(request, s).ConfigureAwait(false);
            if (parseError is not null)
            {
                return parseError;
            }

            userId = parameters?.User?.Id ?? NewUserId();
            if (!IsValidUserId(userId))
            {
                return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "user.id must be 1 to 64 letters, digits or _ - . : @.");
            }

            conversationId = DirectLineTokens.NewId();
            token = s.Tokens.Issue(conversationId, userId);
        }

        var created = await s.Conversations.TryCreateAsync(
            new ConversationRecord(conversationId, DirectLineAdapter.ChannelId, userId, s.Clock.GetUtcNow()),
            request.HttpContext.RequestAborted).ConfigureAwait(false);
        var watermark = created ? 0 : await s.Transcript.GetLastSequenceAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (created)
        {
            // Tell the bot that the person joined, as Direct Line does when the token names the user;
            // the welcome it sends is stored and replayed by the stream from watermark 0.
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                MembersAdded = [ChannelAdapter.BotAccount(), new ChannelAccount(userId, null, RoleTypes.User)],
                Locale = request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0],
            };
            Address(update, conversationId, userId, s.Clock.GetUtcNow());
            await s.Adapter.ProcessActivityAsync(update, s.Bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        }

        var conversation = new DirectLineConversation(conversationId, token, LifetimeSeconds(s), StreamUrl(request, conversationId, watermark, token));
        return created
            ? TypedResults.Created((string?)null, conversation)
            : TypedResults.Ok(conversation);
    }

    public static async Task<IResult> GetConversationAsync(HttpRequest request, string conversationId, string? watermark, DirectLineServices s)
    {
        var (access, failure) = await AuthorizeConversationAsync(request, conversationId, s).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!TryParseWatermark(watermark, out var from))
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The watermark is not valid.");
        }

        if (watermark is null)
        {
            from = await s.Transcript.GetLastSequenceAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        var token = access!.Token ?? s.Tokens.Issue(conversationId, access.Conversation.UserId);
        return TypedResults.Ok(new DirectLineConversation(conversationId, token, LifetimeSeconds(s), StreamUrl(request, conversationId, from, token)));
    }

    public static async Task<IResult> GetActivitiesAsync(HttpRequest request, string conversationId, string? watermark, DirectLineServices s)
    {
        if (TryParseWatermark(watermark, out var after))
        {
            // The usual poll: the conversation's check and its new activities in one read, written from their stored
            // text (StoredActivitySet: the same bytes as parsing and serializing them).
            if (!TryAuthenticateFor(request, conversationId, s, out var caller, out var refused))
            {
                return refused;
            }

            var (conversation, revoked, activities) = await s.Sessions.FindWithActivitiesAsync(
                conversationId, after, s.Options.PageSize, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (conversation is not null || caller.Grant is null)
            {
                var (_, denied) = await AdmitAsync(request, conversationId, s, caller, conversation, revoked).ConfigureAwait(false);
                return denied ?? new StoredActivitySet(conversationId, activities, activities.Count > 0 ? activities[^1].Sequence : after);
            }

            // A generated token whose conversation was never started (it is started now, below): as before.
        }

        var (_, failure) = await AuthorizeConversationAsync(request, conversationId, s).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!TryParseWatermark(watermark, out var from))
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The watermark is not valid.");
        }

        var entries = await s.Transcript.ReadAsync(conversationId, from, s.Options.PageSize, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var last = entries.Count > 0 ? entries[^1].Sequence : from;
        return TypedResults.Json(
            new ActivitySet(entries.Select(e => e.Activity).Where(IsForClient).ToList(), last.ToString(CultureInfo.InvariantCulture)),
            ActivityJson.Options);
    }

    public static async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId, DirectLineServices s)
    {
        var (access, failure) = await AuthorizeConversationAsync(request, conversationId, s).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var (body, tooLarge) = await ReadBodyAsync(request, s.Options.MaxActivityBytes).ConfigureAwait(false);
        if (tooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"An activity may be at most {s.Options.MaxActivityBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body is not a valid activity in JSON.");
        }

        if (activity is null)
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, "The body must be an activity.");
        }

        if (string.IsNullOrEmpty(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.MissingProperty, "The activity has no type.");
        }

        if (!AcceptedInboundTypes.Contains(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"Activities of type '{activity.Type}' are not accepted from clients.");
        }

        var userId = access!.Conversation.UserId;
        var sentFrom = activity.From;
        if (access.Token is null && !string.IsNullOrEmpty(sentFrom?.Id))
        {
            userId = sentFrom.Id;
        }

        // The token's user always wins over what the client claims (Direct Line's enhanced authentication).
        activity.From = new ChannelAccount(userId, sentFrom?.Name, RoleTypes.User);
        Address(activity, conversationId, userId, s.Clock.GetUtcNow());

        if (!s.Adapter.HasRoomForTurn(conversationId))
        {
            // Backstop behind the rate limit: a turn could not start, so nothing is stored that would never be answered.
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status429TooManyRequests, DirectLineErrorCodes.TooManyRequests, "This conversation has too many messages in progress; wait a moment and send again.");
        }

        if (activity.IsType(ActivityTypes.Typing))
        {
            activity.Id = DirectLineTokens.NewId(9);
            s.Hub.PublishTransient(conversationId, activity);
            await s.Adapter.ProcessActivityAsync(activity, s.Bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
            return TypedResults.Ok(new ResourceResponse(activity.Id));
        }

        // Stored before the bot sees it, with a pending mark in the same transaction: whatever happens next, the
        // person's words are kept, and a turn cut off by a crash runs at the next start (DirectLineRecovery).
        var entry = await s.Sessions.AppendPendingAsync(conversationId, activity, CancellationToken.None).ConfigureAwait(false);
        s.Hub.NotifyAppended(conversationId, entry.Sequence);

        // The turn runs to the end even if the client goes away, so replies are never half-sent.
        await s.Adapter.ProcessActivityAsync(activity, s.Bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        await s.Sessions.CompleteAsync(conversationId, entry.Sequence, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(new ResourceResponse(entry.Id));
    }

    /// <summary>
    /// What the person's client may see of the transcript: everything except the handoff events, which
    /// carry the transcript copy, risk level and matched terms meant for counselors only.
    /// </summary>
    internal static bool IsForClient(Activity activity) =>
        !(activity.IsType(ActivityTypes.Event) && activity.Name?.StartsWith("handoff.", StringComparison.Ordinal) == true);

    internal static bool TryParseWatermark(string? watermark, out long sequence)
    {
        sequence = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence >= 0);
    }

    /// <summary>The person left with the quick-exit button: nothing more of this conversation is served to a token.</summary>
    internal static IResult Revoked() =>
        Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This conversation was closed; start a new conversation.");

    internal static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorBody(code, message)), statusCode: status);

    internal sealed record Caller(DirectLineGrant? Grant, string? Token);

    internal sealed record ConversationAccess(ConversationRecord Conversation, string? Token);

    internal static bool TryAuthenticate(HttpRequest request, DirectLineServices s, out Caller caller, out IResult failure)
    {
        caller = new Caller(null, null);
        failure = Results.Empty;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            failure = Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.Unauthorized, "An Authorization header with a Bearer secret or token is required.");
            return false;
        }

        var credential = header[7..].Trim();
        return TryAuthenticateCredential(credential, s, out caller, out failure);
    }

    internal static bool TryAuthenticateCredential(string credential, DirectLineServices s, out Caller caller, out IResult failure)
    {
        caller = new Caller(null, null);
        failure = Results.Empty;
        if (s.Tokens.IsSecret(credential))
        {
            return true;
        }

        switch (s.Tokens.Check(credential, out var grant))
        {
            case TokenCheck.Valid:
                caller = new Caller(grant, credential);
                return true;
            case TokenCheck.Expired:
                failure = Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The token has expired; start a new conversation.");
                return false;
            default:
                failure = Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "The secret or token is not valid.");
                return false;
        }
    }

    internal static async Task<(ConversationAccess? Access, IResult? Failure)> AuthorizeConversationAsync(HttpRequest request, string conversationId, DirectLineServices s)
    {
        if (!TryAuthenticateFor(request, conversationId, s, out var caller, out var failure))
        {
            return (null, failure);
        }

        var (conversation, revoked) = await s.Sessions.FindAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return await AdmitAsync(request, conversationId, s, caller, conversation, revoked).ConfigureAwait(false);
    }

    /// <summary>The caller's credential is valid, and a token is this conversation's.</summary>
    private static bool TryAuthenticateFor(HttpRequest request, string conversationId, DirectLineServices s, out Caller caller, out IResult failure)
    {
        if (!TryAuthenticate(request, s, out caller, out failure))
        {
            return false;
        }

        if (caller.Grant is not null && !string.Equals(caller.Grant.ConversationId, conversationId, StringComparison.Ordinal))
        {
            failure = Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This token is not valid for this conversation.");
            return false;
        }

        return true;
    }

    /// <summary>Admits an authenticated caller to the conversation as read from the store (refused when revoked, 404 when unknown).</summary>
    private static async Task<(ConversationAccess? Access, IResult? Failure)> AdmitAsync(
        HttpRequest request, string conversationId, DirectLineServices s, Caller caller, ConversationRecord? conversation, bool revoked)
    {
        if (caller.Grant is not null && revoked)
        {
            return (null, Revoked());
        }

        if (conversation is null && caller.Grant is not null)
        {
            // A generated token whose conversation was never started: start it quietly.
            conversation = new ConversationRecord(conversationId, DirectLineAdapter.ChannelId, caller.Grant.UserId, s.Clock.GetUtcNow());
            await s.Conversations.TryCreateAsync(conversation, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return conversation is null
            ? (null, Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, "The conversation does not exist."))
            : (new ConversationAccess(conversation, caller.Token), null);
    }

    private static void Address(Activity activity, string conversationId, string userId, DateTimeOffset now)
    {
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.Recipient = ChannelAdapter.BotAccount();
        activity.From ??= new ChannelAccount(userId, null, RoleTypes.User);
        activity.ServiceUrl = "urn:chatsupport:directline";
        activity.Timestamp = now;
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        var aborted = request.HttpContext.RequestAborted;
        if (request.ContentLength is { } length)
        {
            // The usual request: read straight into an array of the announced length (the server holds the body to
            // that length; a body that ends early is what it is, as before).
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), aborted).ConfigureAwait(false)) > 0)
            {
                filled += got;
            }

            return (filled == body.Length ? body : body[..filled], false);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, aborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (buffer.ToArray(), false);
    }

    private static async Task<(TokenParameters? Parameters, IResult? Failure)> ReadTokenParametersAsync(HttpRequest request, DirectLineServices s)
    {
        var (body, tooLarge) = await ReadBodyAsync(request, 16 * 1024).ConfigureAwait(false);
        if (tooLarge)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, "The token parameters are too large."));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<TokenParameters>(body, ActivityJson.Options), null);
        }
        catch (JsonException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The token parameters are not valid JSON."));
        }
    }

    private static bool IsValidUserId(string userId) =>
        userId.Length is > 0 and <= 64 && userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '@');

    private static string NewUserId() => "dl_" + DirectLineTokens.NewId();

    private static int LifetimeSeconds(DirectLineServices s) => (int)s.Tokens.Lifetime.TotalSeconds;

    private static string StreamUrl(HttpRequest request, string conversationId, long watermark, string token)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={watermark}&t={Uri.EscapeDataString(token)}");
    }
}
