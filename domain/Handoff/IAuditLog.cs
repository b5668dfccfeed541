namespace ChatSupport.Domain.Handoff;

/// <summary>One line of the audit trail: who did what, when, to which conversation. Never message text.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? ConversationId, string? Detail);

/// <summary>The append-only audit trail of the console (every transcript view and every action).</summary>
public interface IAuditLog
{
    Task AppendAsync(string actor, string action, string? conversationId, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Newest first; entries with an id below <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? beforeId = null, string? conversationId = null, CancellationToken cancellationToken = default);
}

/// <summary>Audit action names.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";

    /// <summary>The person left with the quick-exit button (actor <see cref="PersonActor"/>).</summary>
    public const string PersonLeft = "person-left";
    public const string PersonActor = "(person)";
    public const string ViewQueue = "view-queue";
    public const string ViewTranscript = "view-transcript";
    public const string Claim = "claim";
    public const string Send = "send";
    public const string Transfer = "transfer";
    public const string End = "end";
    public const string Observe = "observe";
    public const string AddNote = "add-note";
    public const string EditCanned = "edit-canned-responses";
    public const string SetStatus = "set-status";
    public const string ViewAudit = "view-audit";
    public const string Denied = "denied";
    public const string ViewTriage = "view-triage";
    public const string TriageConfirm = "triage-confirm";
    public const string TriageOverride = "triage-override";
    public const string TriageExport = "triage-export";
    public const string TriageStop = "triage-stop";
    public const string TriageResume = "triage-resume";
    public const string AccountAdd = "account-add";
    public const string AccountDisable = "account-disable";
    public const string AccountEnable = "account-enable";
    public const string AccountSetPassword = "account-set-password";
    public const string Erase = "erase";
    public const string RetentionPurge = "retention-purge";
}
