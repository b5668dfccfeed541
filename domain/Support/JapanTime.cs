namespace ChatSupport.Domain.Support;

/// <summary>
/// Japan Standard Time helpers. Japan has no daylight saving time, so JST is the fixed offset
/// UTC+9 and no time-zone database is needed.
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The same instant expressed with the +09:00 offset.</summary>
    public static DateTimeOffset ToJst(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The wall-clock time in Japan (Kind unspecified) for an instant.</summary>
    public static DateTime LocalWallClock(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    /// <summary>An instant from a Japanese wall-clock time.</summary>
    public static DateTimeOffset FromWallClock(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(LocalWallClock(time.GetUtcNow()));
}
