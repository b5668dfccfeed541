namespace ChatSupport.Domain.Handoff;

/// <summary>Configuration section <c>ChatSupport:Handoff</c>.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "ChatSupport:Handoff";

    /// <summary>
    /// When counselors answer, in Japan time (JST, UTC+9): comma-separated entries such as
    /// <c>Mon-Fri 17:00-22:00, Sat-Sun 13:00-22:00</c> or <c>Daily 00:00-24:00</c> (the default).
    /// </summary>
    public string Hours { get; set; } = "Daily 00:00-24:00";

    /// <summary>After this long in the queue, the person is offered around-the-clock services (once per wait). Default 5 minutes.</summary>
    public TimeSpan LongWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations one counselor may hold at once. Default 3.</summary>
    public int CounselorCapacity { get; set; } = 3;

    /// <summary>Longest counselor message in characters. Default 2000.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>
    /// Around-the-clock services offered outside hours and on long waits, one line each. Empty (the
    /// default) uses the list in the handoff text file (taken from the verified support-services reference).
    /// </summary>
    public List<string> AroundTheClockServices { get; set; } = [];
}
