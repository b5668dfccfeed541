namespace ChatSupport.Domain.Support;

/// <summary>A Japanese national holiday (国民の祝日, 振替休日 or 国民の休日).</summary>
public sealed record JapaneseHoliday(DateOnly Date, string NameJa, string NameEn);

/// <summary>
/// Japanese national holidays computed from the rules of the Act on National Holidays
/// (国民の祝日に関する法律) as they stand since 2020, with the earlier rules needed back to 2016:
/// fixed days, "happy Monday" days, the equinoxes by the usual approximation formula,
/// substitute holidays (振替休日: a holiday on a Sunday moves to the next non-holiday) and
/// citizens' holidays (国民の休日: a weekday between two holidays). The one-off dates of 2019
/// (enthronement) and of the Tokyo Olympics (2020, 2021) are included.
/// </summary>
/// <remarks>
/// Supported years: <see cref="FirstYear"/> to <see cref="LastYear"/>. The equinox formula is
/// valid up to 2099; the Cabinet announces each equinox a year ahead, so a change of law or an
/// announced date that differs must be reflected here.
/// </remarks>
public static class JapaneseHolidays
{
    public const int FirstYear = 2016;
    public const int LastYear = 2099;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, JapaneseHoliday>> Cache = new();

    public static bool IsHoliday(DateOnly date) => ForYear(date.Year).ContainsKey(date);

    public static JapaneseHoliday? Find(DateOnly date) =>
        ForYear(date.Year).TryGetValue(date, out var holiday) ? holiday : null;

    /// <summary>All holidays of a year, in date order.</summary>
    public static IReadOnlyList<JapaneseHoliday> InYear(int year) =>
        ForYear(year).Values.OrderBy(h => h.Date).ToList();

    private static IReadOnlyDictionary<DateOnly, JapaneseHoliday> ForYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Japanese holidays are computed for {FirstYear}–{LastYear} only.");
        }

        return Cache.GetOrAdd(year, Compute);
    }

    private static IReadOnlyDictionary<DateOnly, JapaneseHoliday> Compute(int year)
    {
        var days = new Dictionary<DateOnly, JapaneseHoliday>();
        void Add(DateOnly date, string ja, string en) => days[date] = new JapaneseHoliday(date, ja, en);

        Add(new DateOnly(year, 1, 1), "元日", "New Year's Day");
        Add(NthMonday(year, 1, 2), "成人の日", "Coming of Age Day");
        Add(new DateOnly(year, 2, 11), "建国記念の日", "National Foundation Day");
        if (year >= 2020)
        {
            Add(new DateOnly(year, 2, 23), "天皇誕生日", "Emperor's Birthday");
        }

        Add(new DateOnly(year, 3, VernalEquinoxDay(year)), "春分の日", "Vernal Equinox Day");
        Add(new DateOnly(year, 4, 29), "昭和の日", "Showa Day");
        Add(new DateOnly(year, 5, 3), "憲法記念日", "Constitution Memorial Day");
        Add(new DateOnly(year, 5, 4), "みどりの日", "Greenery Day");
        Add(new DateOnly(year, 5, 5), "こどもの日", "Children's Day");

        var marineDay = year switch
        {
            2020 => new DateOnly(2020, 7, 23),
            2021 => new DateOnly(2021, 7, 22),
            _ => NthMonday(year, 7, 3),
        };
        Add(marineDay, "海の日", "Marine Day");

        var mountainDay = year switch
        {
            2020 => new DateOnly(2020, 8, 10),
            2021 => new DateOnly(2021, 8, 8),
            _ => new DateOnly(year, 8, 11),
        };
        Add(mountainDay, "山の日", "Mountain Day");

        Add(NthMonday(year, 9, 3), "敬老の日", "Respect for the Aged Day");
        Add(new DateOnly(year, 9, AutumnalEquinoxDay(year)), "秋分の日", "Autumnal Equinox Day");

        var sportsDay = year switch
        {
            2020 => new DateOnly(2020, 7, 24),
            2021 => new DateOnly(2021, 7, 23),
            _ => NthMonday(year, 10, 2),
        };
        Add(sportsDay, year >= 2020 ? "スポーツの日" : "体育の日", year >= 2020 ? "Sports Day" : "Health and Sports Day");

        Add(new DateOnly(year, 11, 3), "文化の日", "Culture Day");
        Add(new DateOnly(year, 11, 23), "勤労感謝の日", "Labour Thanksgiving Day");
        if (year <= 2018)
        {
            Add(new DateOnly(year, 12, 23), "天皇誕生日", "Emperor's Birthday");
        }

        if (year == 2019)
        {
            Add(new DateOnly(2019, 5, 1), "即位の日", "Enthronement Day");
            Add(new DateOnly(2019, 10, 22), "即位礼正殿の儀", "Enthronement Ceremony Day");
        }

        // 国民の休日: a day that is not itself a holiday, lying between two holidays.
        var statutory = days.Keys.OrderBy(d => d).ToList();
        for (var i = 0; i + 1 < statutory.Count; i++)
        {
            var between = statutory[i].AddDays(1);
            if (statutory[i + 1] == between.AddDays(1) && !days.ContainsKey(between) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                Add(between, "国民の休日", "Citizens' Holiday");
            }
        }

        // 振替休日: a holiday falling on Sunday moves to the nearest following day that is not a holiday.
        foreach (var sunday in days.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).OrderBy(d => d).ToList())
        {
            var substitute = sunday.AddDays(1);
            while (days.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            Add(substitute, "振替休日", "Substitute Holiday");
        }

        return days;
    }

    /// <summary>Day of March for 春分の日 (approximation valid 1980–2099).</summary>
    public static int VernalEquinoxDay(int year) =>
        (int)Math.Floor(20.8431 + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));

    /// <summary>Day of September for 秋分の日 (approximation valid 1980–2099).</summary>
    public static int AutumnalEquinoxDay(int year) =>
        (int)Math.Floor(23.2488 + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}
