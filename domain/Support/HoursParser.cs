using System.Globalization;
using static ChatSupport.Domain.Support.DirectoryValues;

namespace ChatSupport.Domain.Support;

/// <summary>
/// Reads the opening hours of a channel (always, a weekly/monthly schedule with a holiday rule, dated
/// windows only, or unknown with a reason) and checks them: valid times, no overlaps, the right parts for each kind.
/// </summary>
internal static class HoursParser
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm";

    internal static ServiceHours? Parse(HoursDto dto, string where, List<string> errors)
    {
        var before = errors.Count;
        var kind = ParseKind(dto.Kind);
        if (kind is null)
        {
            errors.Add($"{where}: hours kind '{dto.Kind}' must be always, schedule, windows_only or unknown");
            return null;
        }

        var weekly = ParseWeekly(dto.Weekly, where, errors);
        var monthly = ParseMonthly(dto.Monthly, where, errors);
        var windows = ParseWindows(dto.Windows, where, errors);
        var closures = ParseClosures(dto.ClosedYearly, where, errors);
        var holidayRule = ParseHolidayRule(dto, weekly, where, errors);
        var reason = CheckKind(kind.Value, dto, weekly, monthly, windows, closures, where, errors);
        CheckWindowOverlaps(windows, where, errors);

        if (errors.Count > before)
        {
            return null;
        }

        return new ServiceHours
        {
            Kind = kind.Value,
            Weekly = weekly,
            Holidays = holidayRule,
            Monthly = monthly,
            Windows = windows,
            Closures = closures,
            UnknownReason = reason,
            NoteJa = NullIfBlank(dto.NoteJa),
        };
    }

    private static HoursKind? ParseKind(string? kind) => kind?.Trim() switch
    {
        "always" => HoursKind.Always,
        "schedule" => HoursKind.Schedule,
        "windows_only" => HoursKind.WindowsOnly,
        "unknown" => HoursKind.Unknown,
        _ => null,
    };

    private static List<WeeklySlot> ParseWeekly(List<WeeklyDto>? slots, string where, List<string> errors)
    {
        var weekly = new List<WeeklySlot>();
        foreach (var slot in slots ?? [])
        {
            var days = new List<DayOfWeek>();
            var holidays = false;
            foreach (var day in slot.Days ?? [])
            {
                switch (day?.Trim())
                {
                    case "mon": days.Add(DayOfWeek.Monday); break;
                    case "tue": days.Add(DayOfWeek.Tuesday); break;
                    case "wed": days.Add(DayOfWeek.Wednesday); break;
                    case "thu": days.Add(DayOfWeek.Thursday); break;
                    case "fri": days.Add(DayOfWeek.Friday); break;
                    case "sat": days.Add(DayOfWeek.Saturday); break;
                    case "sun": days.Add(DayOfWeek.Sunday); break;
                    case "hol": holidays = true; break;
                    default: errors.Add($"{where}: unknown day '{day}' (mon … sun, hol)"); break;
                }
            }

            if (days.Count == 0 && !holidays)
            {
                errors.Add($"{where}: a weekly slot needs days");
            }

            if (ParseTimeRange(slot.Time, where, errors) is { } range)
            {
                weekly.Add(new WeeklySlot(days, holidays, range));
            }
        }

        return weekly;
    }

    private static List<MonthlySlot> ParseMonthly(List<MonthlyDto>? slots, string where, List<string> errors)
    {
        var monthly = new List<MonthlySlot>();
        foreach (var slot in slots ?? [])
        {
            if (slot.Day is not (>= 1 and <= 31))
            {
                errors.Add($"{where}: monthly day '{slot.Day}' must be 1 to 31");
            }
            else if (ParseTimeRange(slot.Time, where, errors) is { } range)
            {
                monthly.Add(new MonthlySlot(slot.Day.Value, range));
            }
        }

        return monthly;
    }

    private static List<DatedWindow> ParseWindows(List<WindowDto>? dtos, string where, List<string> errors)
    {
        var windows = new List<DatedWindow>();
        foreach (var window in dtos ?? [])
        {
            var from = ParseDateTime(window.From, where, errors);
            var to = ParseDateTime(window.To, where, errors);
            if (from is not null && to is not null)
            {
                if (to <= from)
                {
                    errors.Add($"{where}: window {window.From} to {window.To} ends before it starts");
                }
                else
                {
                    windows.Add(new DatedWindow(from.Value, to.Value));
                }
            }
        }

        return windows;
    }

    private static List<YearlyClosure> ParseClosures(List<string>? texts, string where, List<string> errors)
    {
        var closures = new List<YearlyClosure>();
        foreach (var text in texts ?? [])
        {
            if (ParseClosure(text) is { } closure)
            {
                closures.Add(closure);
            }
            else
            {
                errors.Add($"{where}: closed_yearly '{text}' must look like 12-29/01-03");
            }
        }

        return closures;
    }

    private static HolidayRule ParseHolidayRule(HoursDto dto, List<WeeklySlot> weekly, string where, List<string> errors)
    {
        var holidayRule = HolidayRule.AsWeekday;
        if (dto.Holidays is not null || dto.Weekly is { Count: > 0 })
        {
            switch (dto.Holidays?.Trim())
            {
                case "as_weekday": holidayRule = HolidayRule.AsWeekday; break;
                case "closed": holidayRule = HolidayRule.Closed; break;
                case "own": holidayRule = HolidayRule.OwnHours; break;
                case "unknown": holidayRule = HolidayRule.Unknown; break;
                default:
                    errors.Add($"{where}: weekly hours need holidays: as_weekday, closed, own or unknown (got '{dto.Holidays}')");
                    break;
            }
        }

        if (holidayRule == HolidayRule.OwnHours && !weekly.Any(w => w.OnHolidays))
        {
            errors.Add($"{where}: holidays: own needs a weekly slot with 'hol' in its days");
        }

        if (holidayRule != HolidayRule.OwnHours && weekly.Any(w => w.OnHolidays))
        {
            errors.Add($"{where}: a slot lists 'hol' but holidays is not 'own'");
        }

        return holidayRule;
    }

    /// <summary>Checks that the hours have exactly the parts their kind allows; returns the reason of unknown hours.</summary>
    private static UnknownHoursReason? CheckKind(
        HoursKind kind, HoursDto dto, List<WeeklySlot> weekly, List<MonthlySlot> monthly, List<DatedWindow> windows, List<YearlyClosure> closures, string where, List<string> errors)
    {
        switch (kind)
        {
            case HoursKind.Always:
                if (weekly.Count + monthly.Count + windows.Count + closures.Count > 0)
                {
                    errors.Add($"{where}: hours kind always takes no slots, windows or closures");
                }

                return null;
            case HoursKind.Schedule:
                if ((dto.Weekly?.Count ?? 0) + (dto.Monthly?.Count ?? 0) == 0)
                {
                    errors.Add($"{where}: a schedule needs weekly or monthly slots");
                }

                CheckOverlaps(weekly, where, errors);
                return null;
            case HoursKind.WindowsOnly:
                if (weekly.Count + monthly.Count > 0)
                {
                    errors.Add($"{where}: windows_only hours take no weekly or monthly slots");
                }

                if ((dto.Windows?.Count ?? 0) == 0)
                {
                    errors.Add($"{where}: windows_only hours need at least one dated window");
                }

                return null;
            default:
                if (weekly.Count + monthly.Count + windows.Count > 0)
                {
                    errors.Add($"{where}: unknown hours take no slots or windows (closed_yearly is allowed)");
                }

                var reason = dto.Reason?.Trim() switch
                {
                    "dated" => UnknownHoursReason.Dated,
                    "varies_by_region" => UnknownHoursReason.VariesByRegion,
                    "not_verified" => UnknownHoursReason.NotVerified,
                    _ => (UnknownHoursReason?)null,
                };
                if (reason is null)
                {
                    errors.Add($"{where}: unknown hours need reason: dated, varies_by_region or not_verified");
                }

                return reason;
        }
    }

    private static void CheckOverlaps(List<WeeklySlot> weekly, string where, List<string> errors)
    {
        const int week = 7 * 1440;
        // Weekday slots and holiday slots are separate timetables; check each for overlaps.
        var spans = weekly
            .SelectMany(s => s.Days.Select(d => (Start: (int)d * 1440 + s.Time.OpenMinute, s.Time.DurationMinutes, Slot: s)))
            .ToList();
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                foreach (var shift in new[] { -week, 0, week })
                {
                    var aStart = spans[i].Start;
                    var bStart = spans[j].Start + shift;
                    if (aStart < bStart + spans[j].DurationMinutes && bStart < aStart + spans[i].DurationMinutes)
                    {
                        errors.Add($"{where}: overlapping hours {spans[i].Slot.Time} and {spans[j].Slot.Time} on {DayName(spans[i].Start / 1440)}/{DayName(spans[j].Start / 1440)}");
                        return;
                    }
                }
            }
        }

        var holidaySlots = weekly.Where(s => s.OnHolidays).ToList();
        for (var i = 0; i < holidaySlots.Count; i++)
        {
            for (var j = i + 1; j < holidaySlots.Count; j++)
            {
                var a = holidaySlots[i].Time;
                var b = holidaySlots[j].Time;
                if (a.OpenMinute < b.OpenMinute + b.DurationMinutes && b.OpenMinute < a.OpenMinute + a.DurationMinutes)
                {
                    errors.Add($"{where}: overlapping holiday hours {a} and {b}");
                    return;
                }
            }
        }
    }

    private static void CheckWindowOverlaps(List<DatedWindow> windows, string where, List<string> errors)
    {
        var sorted = windows.OrderBy(w => w.Start).ToList();
        for (var i = 0; i + 1 < sorted.Count; i++)
        {
            if (sorted[i + 1].Start < sorted[i].End)
            {
                errors.Add($"{where}: overlapping windows starting {sorted[i].Start:yyyy-MM-dd HH:mm} and {sorted[i + 1].Start:yyyy-MM-dd HH:mm}");
                return;
            }
        }
    }

    private static string DayName(int day) => ((DayOfWeek)day).ToString()[..3].ToLowerInvariant();

    /// <summary>"16:00-21:00"; "22:00-02:00" crosses midnight; "08:00-08:00" is 24 hours.</summary>
    internal static TimeRange? ParseTimeRange(string? text, string where, List<string> errors)
    {
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || ParseClock(parts[0]) is not { } open || ParseClock(parts[1]) is not { } close
            || open == 1440)
        {
            errors.Add($"{where}: time '{text}' must look like 09:00-17:00 (24-hour clock, JST)");
            return null;
        }

        var duration = close > open ? close - open : close + 1440 - open;
        return new TimeRange(open, duration);
    }

    private static int? ParseClock(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        {
            return null;
        }

        return hour * 60 + minute;
    }

    private static DateTime? ParseDateTime(string? text, string where, List<string> errors)
    {
        if (text is not null
            && DateTime.TryParseExact(text.Trim(), DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors.Add($"{where}: window time '{text}' must be YYYY-MM-DDTHH:MM (JST)");
        return null;
    }

    private static YearlyClosure? ParseClosure(string? text)
    {
        var parts = text?.Split('/');
        if (parts is not { Length: 2 } || ParseMonthDay(parts[0]) is not { } from || ParseMonthDay(parts[1]) is not { } to)
        {
            return null;
        }

        return new YearlyClosure(from.Month, from.Day, to.Month, to.Day);
    }

    private static (int Month, int Day)? ParseMonthDay(string text) =>
        DateOnly.TryParseExact("2024-" + text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Month, date.Day)
            : null;
}
