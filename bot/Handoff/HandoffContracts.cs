namespace ChatSupport.Bot.Handoff;

/// <summary><c>POST /api/console/session</c>. <c>mode</c>: <c>cookie</c> (cookie only), <c>token</c> (token only), or omitted (both).</summary>
public sealed record SignInRequest(string? User, string? Password, string? Mode = null);

public sealed record SignInResponse(string User, string Role, string? Token, DateTimeOffset ExpiresAt);

public sealed record MeResponse(string User, string Role, string Status);

public sealed record StatusRequest(string? Status);

/// <summary>
/// One waiting conversation in the queue, most urgent first. <c>aiSuggested</c>: the AI triage queued it or raised
/// its priority; <c>ai</c>: the newest AI suggestion for it, or null (advice for counselors, never shown to the person).
/// </summary>
public sealed record QueueItem(
    string ConversationId,
    string Priority,
    DateTimeOffset WaitingSince,
    double WaitingSeconds,
    string Channel,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> MatchedTerms,
    string Reason,
    string? Preference,
    string? AssignedTo,
    int Position,
    string? Preview,
    bool AiSuggested,
    ChatSupport.Bot.Triage.AiSuggestion? Ai);

public sealed record ConversationSummary(
    string ConversationId,
    string State,
    string Priority,
    string Channel,
    string? Counselor,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? ClaimedAt,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> MatchedTerms,
    string? Preference);

public sealed record MessageItem(string Id, long Sequence, string From, string? Text, DateTimeOffset Timestamp);

public sealed record SendMessageRequest(string? Text);

public sealed record SendMessageResponse(string ConversationId, bool Delivered);

public sealed record TransferRequest(string? To);

public sealed record EndRequest(bool Close = false);

public sealed record NoteRequest(string? Text);

public sealed record NoteItem(long Id, string Author, DateTimeOffset At, string Text);

public sealed record CannedItem(long Id, string Title, string Text);

public sealed record CannedEdit(string Title, string Text);

public sealed record CounselorItem(string User, string Role, string Status, int Holding, bool LockedOut, bool InConsole);

public sealed record DashboardResponse(
    int Waiting,
    double LongestWaitSeconds,
    int WaitingOverLongWait,
    IReadOnlyDictionary<string, int> WaitingByPriority,
    int Active,
    IReadOnlyList<ConversationSummary> Conversations,
    IReadOnlyList<CounselorItem> Counselors);

public sealed record AuditItem(long Id, DateTimeOffset At, string Actor, string Action, string? ConversationId, string? Detail);

/// <summary>A live console event (server-sent): ids and levels only, never message text.</summary>
public sealed record ConsoleEvent(string Type, string ConversationId, string? Priority, string? Counselor, DateTimeOffset OccurredAt);
