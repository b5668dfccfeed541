namespace ChatSupport.Domain.Handoff;

/// <summary>Whether a counselor takes new conversations now.</summary>
public enum CounselorStatus
{
    Away,
    Available,
}

/// <summary>A console account as the console shows it (never the password hash).</summary>
/// <param name="InConsole">
/// The counselor has the console open now (a heartbeat within <see cref="CounselorPresence.Window"/>). Someone
/// who closed the console without saying they are away is not counted as on duty.
/// </param>
public sealed record CounselorAccount(string UserName, CounselorRole Role, CounselorStatus Status, bool LockedOut, bool InConsole = true)
{
    /// <summary>Can take a conversation now: available, not locked out, and in the console.</summary>
    public bool CanTakeConversations => Status == CounselorStatus.Available && !LockedOut && InConsole;
}

/// <summary>
/// Who has the console open: each open console page (and each console API call) says so at least every
/// <see cref="Heartbeat"/>; a counselor not heard from for <see cref="Window"/> is not in the console.
/// </summary>
public interface ICounselorPresence
{
    Task SeenAsync(string userName, CancellationToken cancellationToken = default);
}

public static class CounselorPresence
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Three heartbeats: a page that closed, a laptop that slept or a node that died stops counting within this.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(90);
}

/// <summary>Console accounts without secrets: who exists, their role and availability.</summary>
public interface ICounselorDirectory
{
    Task<IReadOnlyList<CounselorAccount>> ListAsync(CancellationToken cancellationToken = default);

    Task<CounselorAccount?> FindAsync(string userName, CancellationToken cancellationToken = default);

    Task<bool> SetStatusAsync(string userName, CounselorStatus status, CancellationToken cancellationToken = default);
}

/// <summary>An internal note on a conversation (never shown to the person).</summary>
public sealed record CounselorNote(long Id, string ConversationId, string Author, DateTimeOffset At, string Text);

public interface ICounselorNotes
{
    Task<CounselorNote> AddAsync(string conversationId, string author, string text, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CounselorNote>> ListAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>A ready-made reply a counselor can insert and edit before sending.</summary>
public sealed record CannedResponse(long Id, string Title, string Text);

/// <summary>Canned responses; supervisors replace the list.</summary>
public interface ICannedResponses
{
    Task<IReadOnlyList<CannedResponse>> ListAsync(CancellationToken cancellationToken = default);

    Task ReplaceAsync(IReadOnlyList<(string Title, string Text)> responses, string editedBy, CancellationToken cancellationToken = default);
}
