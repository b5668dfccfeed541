namespace ChatSupport.Domain.Support;

public enum HoursKind
{
    /// <summary>24 hours, 365 days.</summary>
    Always,

    /// <summary>Weekly and/or monthly hours, optionally with dated extra windows and yearly closures.</summary>
    Schedule,

    /// <summary>Open only inside the dated windows listed (WINDOWS ONLY services).</summary>
    WindowsOnly,

    /// <summary>No usable hours in the verified sources. Never show hours; point to the source.</summary>
    Unknown,

    /// <summary>Web pages and mail forms: no opening hours, nobody answers live.</summary>
    NotApplicable,
}

/// <summary>How a weekly schedule treats Japanese national holidays.</summary>
public enum HolidayRule
{
    /// <summary>Holidays follow the weekday's normal hours (e.g. "daily", "年中無休").</summary>
    AsWeekday,

    /// <summary>Closed on holidays (e.g. "平日", weekdays only).</summary>
    Closed,

    /// <summary>Holidays use the slots marked <c>hol</c>.</summary>
    OwnHours,

    /// <summary>The source does not say; on a holiday the hours are unknown.</summary>
    Unknown,
}

public enum UnknownHoursReason
{
    /// <summary>Only sources two or more years old, or conflicting sources (DATED).</summary>
    Dated,

    /// <summary>Set by each prefecture, municipality or local centre.</summary>
    VariesByRegion,

    /// <summary>No source read gave the hours.</summary>
    NotVerified,
}

/// <summary>
/// A span of wall-clock time starting at <see cref="OpenMinute"/> after midnight and lasting
/// <see cref="DurationMinutes"/> (1 to 1440). A close time at or before the open time means the
/// next day: "22:00-02:00" crosses midnight, "08:00-08:00" is 24 hours to 8:00 the next day.
/// </summary>
public readonly record struct TimeRange(int OpenMinute, int DurationMinutes)
{
    public override string ToString()
    {
        var close = (OpenMinute + DurationMinutes) % 1440;
        var closeText = close == 0 && OpenMinute + DurationMinutes == 1440 ? "24:00" : $"{close / 60:00}:{close % 60:00}";
        return $"{OpenMinute / 60:00}:{OpenMinute % 60:00}-{closeText}";
    }
}

/// <summary>Hours on some days of the week; <see cref="OnHolidays"/> marks a holiday slot (<c>hol</c>).</summary>
public sealed record WeeklySlot(IReadOnlyList<DayOfWeek> Days, bool OnHolidays, TimeRange Time);

/// <summary>Hours on one day of every month (e.g. the 10th, 8:00 to 8:00 the next day).</summary>
public sealed record MonthlySlot(int Day, TimeRange Time);

/// <summary>A dated window in JST wall-clock time, end exclusive.</summary>
public sealed record DatedWindow(DateTime Start, DateTime End);

/// <summary>A closure repeating every year from one month-day to another, inclusive (may wrap the year end).</summary>
public sealed record YearlyClosure(int FromMonth, int FromDay, int ToMonth, int ToDay)
{
    public bool Covers(DateOnly date)
    {
        var key = date.Month * 100 + date.Day;
        var from = FromMonth * 100 + FromDay;
        var to = ToMonth * 100 + ToDay;
        return from <= to ? key >= from && key <= to : key >= from || key <= to;
    }

    public override string ToString() => $"{FromMonth:00}-{FromDay:00}/{ToMonth:00}-{ToDay:00}";
}

/// <summary>
/// The opening hours of one channel, in Japan Standard Time. Evaluate with
/// <see cref="StatusAt"/> and an instant from an injected <see cref="TimeProvider"/>.
/// </summary>
public sealed record ServiceHours
{
    /// <summary>How far ahead <see cref="StatusAt"/> looks for the next opening.</summary>
    public const int LookAheadDays = 400;

    public required HoursKind Kind { get; init; }
    public IReadOnlyList<WeeklySlot> Weekly { get; init; } = [];
    public HolidayRule Holidays { get; init; } = HolidayRule.AsWeekday;
    public IReadOnlyList<MonthlySlot> Monthly { get; init; } = [];
    public IReadOnlyList<DatedWindow> Windows { get; init; } = [];
    public IReadOnlyList<YearlyClosure> Closures { get; init; } = [];
    public UnknownHoursReason? UnknownReason { get; init; }

    /// <summary>A short note in Japanese for people (e.g. 「都道府県によって異なります」).</summary>
    public string? NoteJa { get; init; }

    public static ServiceHours AlwaysOpen { get; } = new() { Kind = HoursKind.Always };
    public static ServiceHours NotApplicableHours { get; } = new() { Kind = HoursKind.NotApplicable };

    public OpeningStatus StatusAt(DateTimeOffset now)
    {
        switch (Kind)
        {
            case HoursKind.Always:
                return OpeningStatus.AroundTheClock;
            case HoursKind.NotApplicable:
                return OpeningStatus.NotApplicable;
            case HoursKind.Unknown:
                // Yearly closures are still certain (e.g. 12/29–1/3) even when the hours are not.
                return Closures.Any(c => c.Covers(DateOnly.FromDateTime(JapanTime.LocalWallClock(now))))
                    ? OpeningStatus.Closed(null)
                    : OpeningStatus.Unknown;
        }

        var local = JapanTime.LocalWallClock(now);
        var today = DateOnly.FromDateTime(local);

        if (IsOpenAt(local))
        {
            return OpeningStatus.Open(JapanTime.FromWallClock(EndOfOpenStretch(local)));
        }

        if (Kind == HoursKind.Schedule && Holidays == HolidayRule.Unknown && SafeIsHoliday(today)
            && Weekly.Count > 0)
        {
            return OpeningStatus.Unknown;
        }

        var next = NextOpening(local);
        return OpeningStatus.Closed(next is null ? null : JapanTime.FromWallClock(next.Value));
    }

    /// <summary>The open intervals (JST wall clock) that start on <paramref name="date"/>, windows excluded.</summary>
    internal IEnumerable<(DateTime Start, DateTime End)> IntervalsStartingOn(DateOnly date)
    {
        if (Kind != HoursKind.Schedule || Closures.Any(c => c.Covers(date)))
        {
            yield break;
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        foreach (var slot in WeeklySlotsFor(date))
        {
            var start = midnight.AddMinutes(slot.Time.OpenMinute);
            yield return (start, start.AddMinutes(slot.Time.DurationMinutes));
        }

        foreach (var slot in Monthly)
        {
            if (slot.Day == date.Day)
            {
                var start = midnight.AddMinutes(slot.Time.OpenMinute);
                yield return (start, start.AddMinutes(slot.Time.DurationMinutes));
            }
        }
    }

    private IEnumerable<WeeklySlot> WeeklySlotsFor(DateOnly date)
    {
        if (Weekly.Count == 0)
        {
            return [];
        }

        if (SafeIsHoliday(date))
        {
            switch (Holidays)
            {
                case HolidayRule.Closed:
                case HolidayRule.Unknown:
                    return [];
                case HolidayRule.OwnHours:
                    return Weekly.Where(s => s.OnHolidays);
            }
        }

        return Weekly.Where(s => s.Days.Contains(date.DayOfWeek));
    }

    private bool IsOpenAt(DateTime local)
    {
        if (Windows.Any(w => w.Start <= local && local < w.End))
        {
            return true;
        }

        var today = DateOnly.FromDateTime(local);
        // Intervals last at most 24 hours, so only yesterday's and today's can contain this moment.
        return IntervalsStartingOn(today.AddDays(-1)).Concat(IntervalsStartingOn(today))
            .Any(i => i.Start <= local && local < i.End);
    }

    /// <summary>Follows back-to-back or overlapping intervals to the moment the channel really closes.</summary>
    private DateTime EndOfOpenStretch(DateTime local)
    {
        var cursor = local;
        for (var guard = 0; guard < LookAheadDays * 4; guard++)
        {
            var day = DateOnly.FromDateTime(cursor);
            var containing = IntervalsStartingOn(day.AddDays(-1)).Concat(IntervalsStartingOn(day))
                .Concat(Windows.Select(w => (w.Start, w.End)))
                .Where(i => i.Start <= cursor && cursor < i.End)
                .Select(i => i.End)
                .DefaultIfEmpty(cursor)
                .Max();
            if (containing <= cursor)
            {
                return cursor;
            }

            cursor = containing;
        }

        return cursor;
    }

    private DateTime? NextOpening(DateTime local)
    {
        DateTime? best = Windows.Where(w => w.Start > local).Select(w => (DateTime?)w.Start).Min();
        if (Kind == HoursKind.WindowsOnly)
        {
            return best;
        }

        var today = DateOnly.FromDateTime(local);
        for (var offset = 0; offset <= LookAheadDays; offset++)
        {
            var day = today.AddDays(offset);
            if (best is not null && day.ToDateTime(TimeOnly.MinValue) > best.Value)
            {
                break;
            }

            var candidate = IntervalsStartingOn(day).Where(i => i.Start > local).Select(i => (DateTime?)i.Start).Min();
            if (candidate is not null)
            {
                return best is null || candidate < best ? candidate : best;
            }
        }

        return best;
    }

    private static bool SafeIsHoliday(DateOnly date) =>
        date.Year is >= JapaneseHolidays.FirstYear and <= JapaneseHolidays.LastYear && JapaneseHolidays.IsHoliday(date);
}
