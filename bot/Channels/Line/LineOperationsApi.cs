using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Domain.Handoff;
using ChatSupport.HandoffConsole;
using Microsoft.Extensions.Options;

namespace ChatSupport.Bot.Channels.Line;

/// <summary>
/// What operators see of LINE work that gave up, under the console API (supervisors and admins):
/// <c>GET /api/console/line/failures</c> lists failed events and sends (ids, conversation, time, attempts; never a
/// body) and <c>POST /api/console/line/failures/retry</c> puts them back in line for another bounded round (audited).
/// </summary>
public static class LineOperationsApi
{
    public const string RequeueAction = "line-requeue";

    public static IEndpointRouteBuilder MapLineOperations(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
        {
            return app;
        }

        var api = app.MapGroup("/api/console/line").WithTags("LINE operations").RequireAuthorization(ConsolePolicies.Supervisor);
        api.MapGet("/failures", ListAsync);
        api.MapPost("/failures/retry", RetryAsync);
        return app;
    }

    public static async Task<IResult> ListAsync(HttpContext http, LineStore store)
    {
        var failures = await store.ListFailuresAsync(500, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new LineFailuresResponse(failures.Count, failures));
    }

    public static async Task<IResult> RetryAsync(HttpContext http, LineStore store, LineInboxSignal signal, IAuditLog audit)
    {
        var who = ConsolePolicies.Identity(http.User) ?? throw new InvalidOperationException("A signed-in supervisor is required.");
        var (events, sends) = await store.RequeueFailedAsync(CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, RequeueAction, null, $"events={events} sends={sends}", CancellationToken.None).ConfigureAwait(false);
        signal.Wake();
        return TypedResults.Ok(new LineRequeueResponse(events, sends));
    }
}

public sealed record LineFailuresResponse(int Count, IReadOnlyList<LineFailure> Failures);

public sealed record LineRequeueResponse(int Events, int Sends);
