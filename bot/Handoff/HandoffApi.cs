using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Bot.Handoff.Accounts;
using ChatSupport.Bot.Triage;
using ChatSupport.BotKit.Events;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Handoff.Events;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using ChatSupport.HandoffConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Handoff;

/// <summary>
/// The console's HTTP API under <c>/api/console</c>, on the same handoff (<see cref="HandoffQueries"/>, <see cref="HandoffCommands"/>) as the
/// console pages; cookie or bearer authentication; described in the OpenAPI document <c>/openapi/console.json</c>.
/// </summary>
public static class HandoffApi
{

    public static IEndpointRouteBuilder MapHandoffApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.IsConsoleEnabled())
        {
            return app;
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapConsoleApi();
        api.MapPost("/session", SignInAsync).AllowAnonymous();
        api.MapDelete("/session", SignOutAsync);
        api.MapGet("/me", MeAsync);
        api.MapPut("/me/status", SetStatusAsync);
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/events", Events);
        api.MapGet("/conversations", ConversationsAsync);
        api.MapGet("/conversations/{conversationId}", ConversationAsync);
        api.MapPost("/conversations/{conversationId}/claim", ClaimAsync);
        api.MapGet("/conversations/{conversationId}/messages", MessagesAsync);
        api.MapPost("/conversations/{conversationId}/messages", SendAsync);
        api.MapPost("/conversations/{conversationId}/typing", TypingAsync);
        api.MapPost("/conversations/{conversationId}/transfer", TransferAsync);
        api.MapPost("/conversations/{conversationId}/end", EndAsync);
        api.MapGet("/conversations/{conversationId}/notes", NotesAsync);
        api.MapPost("/conversations/{conversationId}/notes", AddNoteAsync);
        api.MapGet("/canned-responses", CannedAsync);
        api.MapPut("/canned-responses", EditCannedAsync).RequireAuthorization(ConsolePolicies.Supervisor);
        api.MapGet("/dashboard", DashboardAsync).RequireAuthorization(ConsolePolicies.Supervisor);
        api.MapGet("/audit", AuditAsync).RequireAuthorization(ConsolePolicies.Supervisor);
        return app;
    }

    public static async Task<Results<Ok<SignInResponse>, UnauthorizedHttpResult, BadRequest<ProblemDetails>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, ConsoleAccounts accounts, ConsoleSessions sessions, SignInThrottle throttle, IAuditLog audit, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<ConsoleOptions> options, TimeProvider clock)
    {
        var client = SignInThrottle.ClientOf(http);
        if (await throttle.RetryAfterSecondsAsync(client).ConfigureAwait(false) is { } wait)
        {
            http.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(detail: "サインインの失敗が続いたため、しばらく受け付けません。時間をおいてから試してください。", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var mode = request.Mode?.Trim().ToLowerInvariant();
        if (mode is not (null or "" or "cookie" or "token" or "both"))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "mode must be cookie, token or both.", Status = 400 });
        }

        var (outcome, account) = await accounts.SignInAsync(request.User, request.Password, http.RequestAborted).ConfigureAwait(false);
        if (outcome != SignInOutcome.Succeeded || account is null)
        {
            await throttle.RecordFailureAsync(client).ConfigureAwait(false);
            if (ConsoleAccounts.IsValidUserName(request.User))
            {
                await audit.AppendAsync(request.User!, AuditActions.SignInFailed, null, FailureDetail(outcome), CancellationToken.None).ConfigureAwait(false);
            }

            return TypedResults.Unauthorized();
        }

        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        var sessionId = await sessions.StartAsync(account.UserName, options.Value.SessionLifetime, CancellationToken.None).ConfigureAwait(false);
        if (mode != "token")
        {
            await http.SignInAsync(ConsoleAuth.CookieScheme, ConsolePolicies.Principal(account, ConsoleAuth.CookieScheme, sessionId), new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false }).ConfigureAwait(false);
        }

        string? token = null;
        if (mode != "cookie")
        {
            var bearerOptions = bearer.Get(ConsoleAuth.BearerScheme);
            var ticket = new AuthenticationTicket(
                ConsolePolicies.Principal(account, ConsoleAuth.BearerScheme, sessionId),
                new AuthenticationProperties { ExpiresUtc = expires, IssuedUtc = clock.GetUtcNow() },
                ConsoleAuth.BearerScheme);
            token = bearerOptions.BearerTokenProtector.Protect(ticket);
        }

        await audit.AppendAsync(account.UserName, AuditActions.SignIn, null, mode ?? "both", CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(new SignInResponse(account.UserName, account.Role.ToWire(), token, expires));
    }

    /// <summary>Audit detail of a failed sign-in: why, without the password or anything typed.</summary>
    internal static string? FailureDetail(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "locked",
        SignInOutcome.Disabled => "disabled",
        _ => null,
    };

    /// <summary>Ends the session on the server (its cookie and its bearer token stop working at once), removes the cookie and marks the counselor away.</summary>
    public static async Task<NoContent> SignOutAsync(HttpContext http, IAuditLog audit, ConsoleSessions sessions, ICounselorDirectory directory)
    {
        var who = Who(http);
        await sessions.RevokeAsync(http.User, CancellationToken.None).ConfigureAwait(false);

        // Signing out means leaving work: nobody is told a counselor is on duty because of this account.
        await directory.SetStatusAsync(who.UserName, CounselorStatus.Away, CancellationToken.None).ConfigureAwait(false);
        await http.SignOutAsync(ConsoleAuth.CookieScheme).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.SignOut, null, null, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeResponse>> MeAsync(HttpContext http, ICounselorDirectory directory)
    {
        var who = Who(http);
        var account = await directory.FindAsync(who.UserName, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new MeResponse(who.UserName, who.Role.ToWire(), account?.Status == CounselorStatus.Available ? "available" : "away"));
    }

    public static async Task<Results<NoContent, BadRequest<ProblemDetails>>> SetStatusAsync(StatusRequest request, HttpContext http, ICounselorDirectory directory, IAuditLog audit)
    {
        var who = Who(http);
        CounselorStatus? status = request.Status switch { "available" => CounselorStatus.Available, "away" => CounselorStatus.Away, _ => null };
        if (status is null)
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "status must be available or away.", Status = 400 });
        }

        await directory.SetStatusAsync(who.UserName, status.Value, http.RequestAborted).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.SetStatus, null, request.Status, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<QueueItem>>> QueueAsync(HttpContext http, HandoffQueries handoff, TriageReviewService reviews, IAuditLog audit, TimeProvider clock)
    {
        var who = Who(http);
        var queue = await handoff.GetQueueAsync(who, http.RequestAborted).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var items = new List<QueueItem>(queue.Count);
        for (var i = 0; i < queue.Count; i++)
        {
            var s = queue[i];
            items.Add(new QueueItem(
                s.ConversationId,
                s.Priority.ToWire(),
                s.WaitingSince ?? now,
                Math.Round(s.WaitingFor(now).TotalSeconds, 1),
                s.ChannelId,
                s.Categories.Select(c => c.ToWire()).ToList(),
                s.MatchedTerms,
                s.Reason.ToString(),
                s.Preference,
                s.AssignedCounselorId,
                i + 1,
                await handoff.PreviewAsync(s.ConversationId, 60, http.RequestAborted).ConfigureAwait(false),
                s.AiSuggested,
                AiSuggestion.From(await reviews.LatestForConversationAsync(s.ConversationId, http.RequestAborted).ConfigureAwait(false))));
        }

        await audit.AppendAsync(who.UserName, AuditActions.ViewQueue, null, null, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(items);
    }

    /// <summary>Server-sent events: queue changes for everyone; a conversation's messages and typing for those who may read it.</summary>
    public static ServerSentEventsResult<ConsoleEvent> Events(HttpContext http, IEventBus bus, HandoffQueries handoff) =>
        TypedResults.ServerSentEvents(StreamAsync(Who(http), bus, handoff, http.RequestAborted));

    public static async Task<Ok<List<ConversationSummary>>> ConversationsAsync(HttpContext http, HandoffQueries handoff)
    {
        var who = Who(http);
        var active = await handoff.GetActiveAsync(who, http.RequestAborted).ConfigureAwait(false);
        var waiting = who.SeesEverything ? await handoff.GetQueueAsync(http.RequestAborted).ConfigureAwait(false) : [];
        return TypedResults.Ok(waiting.Concat(active).Select(Summary).ToList());
    }

    public static async Task<IResult> ConversationAsync(string conversationId, HttpContext http, HandoffQueries handoff)
    {
        var access = await handoff.AuthorizeReadAsync(conversationId, Who(http), http.RequestAborted).ConfigureAwait(false);
        return access.Outcome == HandoffOutcome.Done ? TypedResults.Ok(Summary(access.Session!)) : Failure(access);
    }

    public static async Task<IResult> ClaimAsync(string conversationId, HttpContext http, HandoffCommands handoff)
    {
        var result = await handoff.ClaimAsync(conversationId, Who(http), http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done ? TypedResults.Ok(Summary(result.Session!)) : Failure(result);
    }

    public static async Task<IResult> MessagesAsync(string conversationId, long? after, HttpContext http, HandoffQueries handoff)
    {
        var (result, messages) = await handoff.ReadTranscriptAsync(conversationId, Who(http), after ?? 0, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done
            ? TypedResults.Ok(messages.Select(m => new MessageItem(m.ActivityId, m.Sequence, m.From, m.Text, m.Timestamp)).ToList())
            : Failure(result);
    }

    public static async Task<IResult> SendAsync(string conversationId, SendMessageRequest request, HttpContext http, HandoffCommands handoff)
    {
        var result = await handoff.SendAsync(conversationId, Who(http), request.Text, CancellationToken.None).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done ? TypedResults.Ok(new SendMessageResponse(conversationId, true)) : Failure(result);
    }

    public static async Task<IResult> TypingAsync(string conversationId, HttpContext http, HandoffCommands handoff)
    {
        var result = await handoff.SendTypingAsync(conversationId, Who(http), http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done ? TypedResults.NoContent() : Failure(result);
    }

    public static async Task<IResult> TransferAsync(string conversationId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TransferRequest? request, HttpContext http, HandoffCommands handoff, ICounselorDirectory directory)
    {
        var to = string.IsNullOrWhiteSpace(request?.To) ? null : request.To.Trim();
        if (to is not null && await directory.FindAsync(to, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return TypedResults.Problem(detail: "その相談員は見つかりません。", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await handoff.TransferAsync(conversationId, Who(http), to, CancellationToken.None).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done ? TypedResults.Ok(Summary(result.Session!)) : Failure(result);
    }

    public static async Task<IResult> EndAsync(string conversationId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] EndRequest? request, HttpContext http, HandoffCommands handoff)
    {
        var result = await handoff.EndAsync(conversationId, Who(http), request?.Close ?? false, CancellationToken.None).ConfigureAwait(false);
        return result.Outcome == HandoffOutcome.Done ? TypedResults.Ok(Summary(result.Session!)) : Failure(result);
    }

    public static async Task<IResult> NotesAsync(string conversationId, HttpContext http, HandoffQueries handoff, ICounselorNotes notes)
    {
        var access = await handoff.AuthorizeReadAsync(conversationId, Who(http), http.RequestAborted).ConfigureAwait(false);
        if (access.Outcome != HandoffOutcome.Done)
        {
            return Failure(access);
        }

        var list = await notes.ListAsync(conversationId, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(n => new NoteItem(n.Id, n.Author, n.At, n.Text)).ToList());
    }

    public static async Task<IResult> AddNoteAsync(string conversationId, NoteRequest request, HttpContext http, HandoffQueries handoff, ICounselorNotes notes, IAuditLog audit)
    {
        var who = Who(http);
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
        {
            return TypedResults.Problem(detail: "メモは1〜4000文字で書いてください。", statusCode: StatusCodes.Status400BadRequest);
        }

        var access = await handoff.AuthorizeReadAsync(conversationId, who, http.RequestAborted).ConfigureAwait(false);
        if (access.Outcome != HandoffOutcome.Done)
        {
            return Failure(access);
        }

        var note = await notes.AddAsync(conversationId, who.UserName, request.Text.Trim(), CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.AddNote, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(new NoteItem(note.Id, note.Author, note.At, note.Text));
    }

    public static async Task<Ok<List<CannedItem>>> CannedAsync(ICannedResponses canned, HttpContext http) =>
        TypedResults.Ok((await canned.ListAsync(http.RequestAborted).ConfigureAwait(false)).Select(c => new CannedItem(c.Id, c.Title, c.Text)).ToList());

    public static async Task<IResult> EditCannedAsync(List<CannedEdit> edits, HttpContext http, ICannedResponses canned, IAuditLog audit)
    {
        if (edits.Count > 200 || edits.Exists(e => string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Text) || e.Title.Length > 100 || e.Text.Length > 2000))
        {
            return TypedResults.Problem(detail: "定型文は200件まで、題名100文字・本文2000文字までです。", statusCode: StatusCodes.Status400BadRequest);
        }

        var who = Who(http);
        await canned.ReplaceAsync(edits.Select(e => (e.Title.Trim(), e.Text.Trim())).ToList(), who.UserName, CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.EditCanned, null, edits.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<DashboardResponse>> DashboardAsync(HttpContext http, HandoffQueries handoff, ICounselorDirectory directory)
    {
        var who = Who(http);
        var health = await handoff.GetHealthAsync(http.RequestAborted).ConfigureAwait(false);
        var active = await handoff.GetActiveAsync(who, http.RequestAborted).ConfigureAwait(false);
        var waiting = await handoff.GetQueueAsync(http.RequestAborted).ConfigureAwait(false);
        var counselors = (await directory.ListAsync(http.RequestAborted).ConfigureAwait(false))
            .Select(a => new CounselorItem(a.UserName, a.Role.ToWire(), a.Status == CounselorStatus.Available ? "available" : "away", active.Count(s => s.CounselorId == a.UserName), a.LockedOut, a.InConsole))
            .ToList();
        return TypedResults.Ok(new DashboardResponse(
            health.Waiting,
            Math.Round(health.LongestWait.TotalSeconds, 1),
            health.WaitingOverLongWait,
            health.WaitingByPriority,
            health.Active,
            waiting.Concat(active).Select(Summary).ToList(),
            counselors));
    }

    public static async Task<Ok<List<AuditItem>>> AuditAsync(int? limit, long? before, string? conversationId, HttpContext http, IAuditLog audit)
    {
        var who = Who(http);
        var entries = await audit.ReadAsync(limit ?? 100, before, conversationId, http.RequestAborted).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.ViewAudit, conversationId, null, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => new AuditItem(e.Id, e.At, e.Actor, e.Action, e.ConversationId, e.Detail)).ToList());
    }

    internal static ConversationSummary Summary(HandoffSession s) => new(
        s.ConversationId,
        s.State.ToWire(),
        s.Priority.ToWire(),
        s.ChannelId,
        s.CounselorId,
        s.WaitingSince,
        s.ClaimedAt,
        s.Categories.Select(c => c.ToWire()).ToList(),
        s.MatchedTerms,
        s.Preference);

    internal static IResult Failure(HandoffResult result) => TypedResults.Problem(
        detail: result.Message,
        statusCode: result.Outcome switch
        {
            HandoffOutcome.NotFound => StatusCodes.Status404NotFound,
            HandoffOutcome.Conflict => StatusCodes.Status409Conflict,
            HandoffOutcome.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        });

    private static CounselorIdentity Who(HttpContext http) =>
        ConsolePolicies.Identity(http.User) ?? throw new InvalidOperationException("The console endpoints require a signed-in counselor.");

    private static async IAsyncEnumerable<SseItem<ConsoleEvent>> StreamAsync(CounselorIdentity who, IEventBus bus, HandoffQueries handoff, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded: the console re-reads the queue and transcripts on each notice, so a slow client loses only old notices.
        var queue = Channel.CreateBounded<HandoffEvent>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = bus.Subscribe<HandoffEvent>((e, _) =>
        {
            queue.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        yield return new SseItem<ConsoleEvent>(new ConsoleEvent("connected", string.Empty, null, who.UserName, DateTimeOffset.UtcNow), "connected");
        await foreach (var e in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is PersonMessaged or PersonTyped or CounselorReplied or PersonLeft && !who.SeesEverything)
            {
                var session = await handoff.FindAsync(e.ConversationId, cancellationToken).ConfigureAwait(false);
                if (session is null || !session.IsHeldBy(who.UserName))
                {
                    continue;
                }
            }

            var (type, priority, counselor) = e switch
            {
                HandoffRequested r => ("requested", r.Priority.ToWire(), null),
                HandoffEscalated r => ("escalated", r.Priority.ToWire(), null),
                HandoffClaimed r => ("claimed", null, r.CounselorId),
                HandoffTransferred r => ("transferred", null, r.ToCounselorId),
                HandoffCancelled => ("cancelled", null, null),
                HandoffEnded r => ("ended", null, r.CounselorId),
                CounselorReplied r => ("counselor-replied", null, r.CounselorId),
                PersonMessaged => ("person-messaged", null, null),
                PersonTyped => ("person-typing", null, null),
                WaitingLong => ("waiting-long", null, null),
                PersonLeft => ("person-left", null, null),
                _ => ("changed", (string?)null, (string?)null),
            };
            yield return new SseItem<ConsoleEvent>(new ConsoleEvent(type, e.ConversationId, priority, counselor, e.OccurredAt), type);
        }
    }
}
