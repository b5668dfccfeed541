namespace ChatSupport.Domain.Handoff;

/// <summary>How a console action went; the HTTP API maps these to status codes.</summary>
public enum HandoffOutcome
{
    Done,

    /// <summary>No such conversation in the handoff (404).</summary>
    NotFound,

    /// <summary>Another counselor holds it, it moved on, or it ended (409).</summary>
    Conflict,

    /// <summary>The caller may not see or act on this conversation (403).</summary>
    Forbidden,

    /// <summary>The request itself is wrong: empty or oversized text, unknown counselor (400).</summary>
    Invalid,
}

public sealed record HandoffResult(HandoffOutcome Outcome, string? Message = null, HandoffSession? Session = null)
{
    public static HandoffResult Ok(HandoffSession session) => new(HandoffOutcome.Done, null, session);
}
