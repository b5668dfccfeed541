using System.Globalization;
using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Counselor hours in Japan time (JST is UTC+9 all year, no daylight saving). Parsed from
/// <see cref="HandoffOptions.Hours"/>: entries <c>DAYS HH:mm-HH:mm</c> or <c>DAYS closed</c> separated by commas,
/// where DAYS is <c>Daily</c>, a day (<c>Mon</c>) or a range (<c>Mon-Fri</c>, may wrap: <c>Sat-Sun</c>); <c>24:00</c>
/// ends a day. Two special days replace the weekday's hours when they are given: <c>Hol</c>, Japan's national
/// holidays (<see cref="JapaneseHolidays"/>), and <c>YearEnd</c>, 29 December to 3 January (年末年始), which wins over
/// <c>Hol</c> on 1–3 January. Without them a holiday keeps its weekday's hours.
/// </summary>
public sealed class CounselorHours
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] JapaneseDays = ["日", "月", "火", "水", "木", "金", "土"];

    private const int Weekly = 0;
    private const int Holiday = 1;
    private const int YearEnd = 2;

    private readonly List<(int Kind, bool[] Days, TimeSpan From, TimeSpan To, string Label, string LabelEnglish)> _entries = [];
    private readonly bool[] _kindGiven = new bool[3];

    private CounselorHours()
    {
    }

    /// <summary>The hours as a person reads them, e.g. 「月〜金 17:00〜22:00、土〜日 13:00〜22:00」.</summary>
    public string Description => string.Join("、", _entries.Select(e => e.Label));

    /// <summary>The hours in English, e.g. "Mon–Fri 17:00–22:00, holidays closed".</summary>
    public string DescriptionEnglish => string.Join(", ", _entries.Select(e => e.LabelEnglish));

    public static CounselorHours Parse(string? text)
    {
        var hours = new CounselorHours();
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "Daily 00:00-24:00";
        }

        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw Invalid(raw);
            }

            var (kind, days, dayLabel, dayLabelEnglish) = ParseDays(parts[0], raw);
            hours._kindGiven[kind] = true;
            if (kind != Weekly && string.Equals(parts[1], "closed", StringComparison.OrdinalIgnoreCase))
            {
                hours._entries.Add((kind, days, TimeSpan.Zero, TimeSpan.Zero, $"{dayLabel}は休み", $"{dayLabelEnglish} closed"));
                continue;
            }

            var times = parts[1].Split('-');
            if (times.Length != 2 || !TryParseTime(times[0], out var from) || !TryParseTime(times[1], out var to) || to <= from)
            {
                throw Invalid(raw);
            }

            hours._entries.Add((kind, days, from, to, $"{dayLabel} {times[0]}〜{times[1]}", $"{dayLabelEnglish} {times[0]}–{times[1]}"));
        }

        return hours;
    }

    public bool IsOpen(DateTimeOffset now)
    {
        var local = now.ToOffset(JapanOffset);
        var time = local.TimeOfDay;
        return EntriesOn(DateOnly.FromDateTime(local.Date)).Any(e => time >= e.From && time < e.To);
    }

    /// <summary>
    /// When counselor hours next begin after <paramref name="now"/> (now itself when open), within the coming
    /// sixteen days (long enough for the year-end break next to a weekend); null when the hours never open.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var local = now.ToOffset(JapanOffset);
        for (var offset = 0; offset <= 16; offset++)
        {
            var date = local.Date.AddDays(offset);
            DateTimeOffset? best = null;
            foreach (var (_, _, from, to, _, _) in EntriesOn(DateOnly.FromDateTime(date)))
            {
                var start = new DateTimeOffset(date + from, JapanOffset);
                if (to > from && start > now && (best is null || start < best))
                {
                    best = start;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The entries that decide a day: its year-end or holiday hours when those are given, else its weekday's.</summary>
    private IEnumerable<(int Kind, bool[] Days, TimeSpan From, TimeSpan To, string Label, string LabelEnglish)> EntriesOn(DateOnly date)
    {
        var kind = Weekly;
        if (_kindGiven[YearEnd] && IsYearEnd(date))
        {
            kind = YearEnd;
        }
        else if (_kindGiven[Holiday] && date.Year is >= JapaneseHolidays.FirstYear and <= JapaneseHolidays.LastYear && JapaneseHolidays.IsHoliday(date))
        {
            kind = Holiday;
        }

        var day = (int)date.DayOfWeek;
        return _entries.Where(e => e.Kind == kind && (kind != Weekly || e.Days[day]));
    }

    private static bool IsYearEnd(DateOnly date) => (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    private static (int Kind, bool[] Days, string Label, string LabelEnglish) ParseDays(string text, string raw)
    {
        var days = new bool[7];
        if (string.Equals(text, "Hol", StringComparison.OrdinalIgnoreCase))
        {
            return (Holiday, days, "祝日", "holidays");
        }

        if (string.Equals(text, "YearEnd", StringComparison.OrdinalIgnoreCase))
        {
            return (YearEnd, days, "年末年始（12/29〜1/3）", "year-end break (29 Dec–3 Jan)");
        }

        if (string.Equals(text, "Daily", StringComparison.OrdinalIgnoreCase))
        {
            Array.Fill(days, true);
            return (Weekly, days, "毎日", "daily");
        }

        var range = text.Split('-');
        var first = Array.FindIndex(DayNames, d => string.Equals(d, range[0], StringComparison.OrdinalIgnoreCase));
        var last = range.Length == 2 ? Array.FindIndex(DayNames, d => string.Equals(d, range[1], StringComparison.OrdinalIgnoreCase)) : first;
        if (first < 0 || last < 0 || range.Length > 2)
        {
            throw Invalid(raw);
        }

        for (var d = first; ; d = (d + 1) % 7)
        {
            days[d] = true;
            if (d == last)
            {
                break;
            }
        }

        return (Weekly, days,
            first == last ? JapaneseDays[first] : $"{JapaneseDays[first]}〜{JapaneseDays[last]}",
            first == last ? DayNames[first] : $"{DayNames[first]}–{DayNames[last]}");
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static FormatException Invalid(string entry) =>
        new($"ChatSupport:Handoff:Hours: '{entry}' is not 'DAYS HH:mm-HH:mm' (DAYS: Daily, Mon, Mon-Fri …, Hol, YearEnd; times in JST; Hol and YearEnd may be 'closed').");
}
