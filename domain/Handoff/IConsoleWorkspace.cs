namespace ChatSupport.Domain.Handoff;

/// <summary>Whether a counselor takes new conversations now.</summary>
public enum CounselorStatus
{
    Away,
    Available,
}

/// <summary>A console account as the console shows it (never the password hash).</summary>
public sealed record CounselorAccount(string UserName, CounselorRole Role, CounselorStatus Status, bool LockedOut);

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
