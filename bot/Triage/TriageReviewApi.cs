using System.Globalization;
using System.Text;
using ChatSupport.Bot.ConsoleAccess;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using ChatSupport.HandoffConsole;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// ETH-08 / ETH-03: supervisor review of AI judgements and the kill switch, under <c>/api/console/triage</c>
/// (supervisors and admins only: counselors get 403, anonymous callers 401). Every action goes to the triage
/// audit (by the domain services) and to the console audit log.
/// </summary>
public static class TriageReviewApi
{
    private const string Tag = "Triage review";

    /// <summary>Maps the review endpoints under <c>/api/console/triage</c> (nothing when the console is off on this node).</summary>
    public static IEndpointRouteBuilder MapTriageReview(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.IsConsoleEnabled())
        {
            return app;
        }

        var triage = app.MapConsoleApi("/triage").WithTags(Tag).RequireAuthorization(ConsolePolicies.Supervisor);
        triage.MapGet("/judgements", ListAsync)
            .WithSummary("AI judgements for review, newest first (status: pending, reviewed or all).")
            .Produces<List<TriageJudgementItem>>().ProducesProblem(StatusCodes.Status400BadRequest);
        triage.MapGet("/judgements/{id:long}", GetAsync)
            .WithSummary("One AI judgement.")
            .Produces<TriageJudgementItem>().ProducesProblem(StatusCodes.Status404NotFound);
        triage.MapPost("/judgements/{id:long}/confirm", ConfirmAsync)
            .WithSummary("The supervisor holds the AI's level right.")
            .Produces<TriageJudgementItem>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        triage.MapPost("/judgements/{id:long}/override", OverrideAsync)
            .WithSummary("The supervisor sets another level and says why (400 without a reason).")
            .Produces<TriageJudgementItem>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        triage.MapGet("/agreement", AgreementAsync)
            .WithSummary("Agreement between AI and supervisors per prompt version: confusion matrix, Cohen's kappa, quadratic weighted kappa.")
            .Produces<List<TriageAgreementItem>>();
        triage.MapGet("/export.csv", ExportAsync)
            .WithSummary("Reviewed judgements as CSV for the ethics board (redacted excerpts only with excerpts=true).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        triage.MapGet("/kill-switch", SwitchStatusAsync)
            .WithSummary("Whether the AI triage is enabled, stopped and in use, with the switch's audit log.")
            .Produces<TriageSwitchStatus>();
        triage.MapPost("/kill-switch/stop", StopAsync)
            .WithSummary("Stops the AI triage now (reason required, audit-logged).")
            .Produces<TriageSwitchStatus>().ProducesProblem(StatusCodes.Status400BadRequest);
        triage.MapPost("/kill-switch/resume", ResumeAsync)
            .WithSummary("Resumes the AI triage (reason required, audit-logged).")
            .Produces<TriageSwitchStatus>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<IResult> ListAsync(string? status, int? limit, HttpContext http, TriageReviewService reviews, IAuditLog audit)
    {
        TriageListFilter? filter = (status ?? "pending").Trim().ToLowerInvariant() switch
        {
            "pending" => TriageListFilter.Pending,
            "reviewed" => TriageListFilter.Reviewed,
            "all" => TriageListFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            return TypedResults.Problem(detail: "status は pending・reviewed・all のどれかにしてください。", statusCode: StatusCodes.Status400BadRequest);
        }

        var who = Who(http);
        var records = await reviews.ListAsync(TriageConsole.Actor(who), filter.Value, limit ?? 100, http.RequestAborted).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, AuditActions.ViewTriage, null, status ?? "pending", CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(records.Select(TriageJudgementItem.From).ToList());
    }

    public static async Task<IResult> GetAsync(long id, TriageReviewService reviews, HttpContext http)
    {
        var record = await reviews.GetAsync(id, http.RequestAborted).ConfigureAwait(false);
        return record is null ? Failure(TriageReviewOutcome.NotFound) : TypedResults.Ok(TriageJudgementItem.From(record));
    }

    public static async Task<IResult> ConfirmAsync(long id, HttpContext http, TriageReviewService reviews, IAuditLog audit)
    {
        var who = Who(http);
        var outcome = await reviews.ConfirmAsync(TriageConsole.Actor(who), id, CancellationToken.None).ConfigureAwait(false);
        return await AfterReviewAsync(id, outcome, who, AuditActions.TriageConfirm, reviews, audit).ConfigureAwait(false);
    }

    public static async Task<IResult> OverrideAsync(long id, TriageOverrideRequest request, HttpContext http, TriageReviewService reviews, IAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RiskLevels.TryParse(request.Level, out var level))
        {
            return TypedResults.Problem(detail: "level は none・low・medium・high・critical のどれかにしてください。", statusCode: StatusCodes.Status400BadRequest);
        }

        var who = Who(http);
        var outcome = await reviews.OverrideAsync(TriageConsole.Actor(who), id, level, request.Reason ?? string.Empty, CancellationToken.None).ConfigureAwait(false);
        return await AfterReviewAsync(id, outcome, who, AuditActions.TriageOverride, reviews, audit).ConfigureAwait(false);
    }

    public static async Task<IResult> AgreementAsync(TriageReviewService reviews, HttpContext http) =>
        TypedResults.Ok((await reviews.AgreementAsync(http.RequestAborted).ConfigureAwait(false)).Select(TriageAgreementItem.From).ToList());

    public static async Task<IResult> ExportAsync(bool? excerpts, HttpContext http, TriageReviewService reviews, IAuditLog audit)
    {
        var who = Who(http);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (!await reviews.ExportCsvAsync(TriageConsole.Actor(who), writer, excerpts == true, http.RequestAborted).ConfigureAwait(false))
        {
            return Failure(TriageReviewOutcome.Forbidden);
        }

        await audit.AppendAsync(who.UserName, AuditActions.TriageExport, null, excerpts == true ? "with-excerpts" : null, CancellationToken.None).ConfigureAwait(false);

        // With a byte order mark, so spreadsheet programs read the Japanese text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "triage-reviews.csv");
    }

    public static async Task<IResult> SwitchStatusAsync(HttpContext http, TriageStatus status) =>
        TypedResults.Ok(await StatusAsync(TriageConsole.Actor(Who(http)), status, http.RequestAborted).ConfigureAwait(false));

    public static Task<IResult> StopAsync(TriageSwitchRequest request, HttpContext http, TriageStatus status, IAuditLog audit) =>
        SwitchAsync(stop: true, request, http, status, audit);

    public static Task<IResult> ResumeAsync(TriageSwitchRequest request, HttpContext http, TriageStatus status, IAuditLog audit) =>
        SwitchAsync(stop: false, request, http, status, audit);

    /// <summary>The switch state and its newest audit lines, as the API and the console page show them.</summary>
    public static async Task<TriageSwitchStatus> StatusAsync(TriageActor actor, TriageStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var log = await status.KillSwitch.ReadAuditAsync(actor, 50, cancellationToken).ConfigureAwait(false);
        return new TriageSwitchStatus(status.Enabled, status.KillSwitch.IsStopped, status.IsActive, log.Select(e => new TriageAuditItem(e.At, e.ActorId, e.Action, e.Reason)).ToList());
    }

    private static async Task<IResult> SwitchAsync(bool stop, TriageSwitchRequest request, HttpContext http, TriageStatus status, IAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = Who(http);
        var actor = TriageConsole.Actor(who);
        var reason = request.Reason ?? string.Empty;
        var result = stop
            ? await status.KillSwitch.StopAsync(actor, reason, CancellationToken.None).ConfigureAwait(false)
            : await status.KillSwitch.ResumeAsync(actor, reason, CancellationToken.None).ConfigureAwait(false);
        if (result != TriageCommandResult.Done)
        {
            return TypedResults.Problem(
                detail: TriageConsole.Message(result),
                statusCode: result == TriageCommandResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        await audit.AppendAsync(who.UserName, stop ? AuditActions.TriageStop : AuditActions.TriageResume, null, Clip(reason.Trim()), CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(await StatusAsync(actor, status, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> AfterReviewAsync(long id, TriageReviewOutcome outcome, CounselorIdentity who, string action, TriageReviewService reviews, IAuditLog audit)
    {
        if (outcome != TriageReviewOutcome.Recorded)
        {
            return Failure(outcome);
        }

        var record = await reviews.GetAsync(id, CancellationToken.None).ConfigureAwait(false);
        await audit.AppendAsync(who.UserName, action, record?.ConversationId, string.Create(CultureInfo.InvariantCulture, $"judgement {id}"), CancellationToken.None).ConfigureAwait(false);
        return record is null ? Failure(TriageReviewOutcome.NotFound) : TypedResults.Ok(TriageJudgementItem.From(record));
    }

    private static IResult Failure(TriageReviewOutcome outcome) => TypedResults.Problem(
        detail: TriageConsole.Message(outcome),
        statusCode: outcome switch
        {
            TriageReviewOutcome.Forbidden => StatusCodes.Status403Forbidden,
            TriageReviewOutcome.NotFound => StatusCodes.Status404NotFound,
            TriageReviewOutcome.AlreadyReviewed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });

    private static string Clip(string reason) => reason.Length > 200 ? reason[..200] : reason;

    private static CounselorIdentity Who(HttpContext http) =>
        ConsolePolicies.Identity(http.User) ?? throw new InvalidOperationException("The triage review endpoints require a signed-in supervisor.");
}
