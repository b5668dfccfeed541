using System.Globalization;

namespace ChatSupport.Domain.Handoff;

/// <summary>
/// Counselor hours in Japan time (JST is UTC+9 all year, no daylight saving). Parsed from
/// <see cref="HandoffOptions.Hours"/>: entries <c>DAYS HH:mm-HH:mm</c> separated by commas, where DAYS
/// is <c>Daily</c>, a day (<c>Mon</c>) or a range (<c>Mon-Fri</c>, may wrap: <c>Sat-Sun</c>); <c>24:00</c> ends a day.
/// </summary>
public sealed class CounselorHours
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] JapaneseDays = ["日", "月", "火", "水", "木", "金", "土"];

    private readonly List<(bool[] Days, TimeSpan From, TimeSpan To, string Label)> _entries = [];

    private CounselorHours()
    {
    }

    /// <summary>The hours as a person reads them, e.g. 「月〜金 17:00〜22:00、土〜日 13:00〜22:00」.</summary>
    public string Description => string.Join("、", _entries.Select(e => e.Label));

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

            var (days, dayLabel) = ParseDays(parts[0], raw);
            var times = parts[1].Split('-');
            if (times.Length != 2 || !TryParseTime(times[0], out var from) || !TryParseTime(times[1], out var to) || to <= from)
            {
                throw Invalid(raw);
            }

            hours._entries.Add((days, from, to, $"{dayLabel} {times[0]}〜{times[1]}"));
        }

        return hours;
    }

    public bool IsOpen(DateTimeOffset now)
    {
        var local = now.ToOffset(JapanOffset);
        var day = (int)local.DayOfWeek;
        var time = local.TimeOfDay;
        return _entries.Exists(e => e.Days[day] && time >= e.From && time < e.To);
    }

    /// <summary>
    /// When counselor hours next begin after <paramref name="now"/> (now itself when open), within the
    /// coming eight days; null when the hours never open. Holidays are not known here.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var local = now.ToOffset(JapanOffset);
        DateTimeOffset? best = null;
        for (var offset = 0; offset <= 8; offset++)
        {
            var date = local.Date.AddDays(offset);
            var day = (int)date.DayOfWeek;
            foreach (var (days, from, _, _) in _entries)
            {
                var start = new DateTimeOffset(date + from, JapanOffset);
                if (days[day] && start > now && (best is null || start < best))
                {
                    best = start;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return best;
    }

    private static (bool[] Days, string Label) ParseDays(string text, string raw)
    {
        var days = new bool[7];
        if (string.Equals(text, "Daily", StringComparison.OrdinalIgnoreCase))
        {
            Array.Fill(days, true);
            return (days, "毎日");
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

        return (days, first == last ? JapaneseDays[first] : $"{JapaneseDays[first]}〜{JapaneseDays[last]}");
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
        new($"ChatSupport:Handoff:Hours: '{entry}' is not 'DAYS HH:mm-HH:mm' (DAYS: Daily, Mon, Mon-Fri …; times in JST).");
}
