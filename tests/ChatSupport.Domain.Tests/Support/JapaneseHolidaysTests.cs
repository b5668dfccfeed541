using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Tests.Support;

public class JapaneseHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<int, string[]> FullYears => new()
    {
        {
            2024,
            ["2024-01-01", "2024-01-08", "2024-02-11", "2024-02-12", "2024-02-23", "2024-03-20", "2024-04-29",
             "2024-05-03", "2024-05-04", "2024-05-05", "2024-05-06", "2024-07-15", "2024-08-11", "2024-08-12",
             "2024-09-16", "2024-09-22", "2024-09-23", "2024-10-14", "2024-11-03", "2024-11-04", "2024-11-23"]
        },
        {
            2025,
            ["2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29",
             "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15",
             "2025-09-23", "2025-10-13", "2025-11-03", "2025-11-23", "2025-11-24"]
        },
        {
            2026,
            ["2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03",
             "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22",
             "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23"]
        },
    };

    [Theory]
    [MemberData(nameof(FullYears))]
    public void Year_HasExactlyTheHolidaysDerivedByRule(int year, string[] expected)
    {
        var actual = JapaneseHolidays.InYear(year).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2024, 20, 22)]
    [InlineData(2025, 20, 23)]
    [InlineData(2026, 20, 23)]
    [InlineData(2027, 21, 23)]
    [InlineData(2028, 20, 22)]
    [InlineData(2029, 20, 23)]
    [InlineData(2030, 20, 23)]
    public void Equinoxes_FollowTheFormula(int year, int marchDay, int septemberDay)
    {
        Assert.Equal("春分の日", JapaneseHolidays.Find(new DateOnly(year, 3, marchDay))?.NameJa);
        Assert.Equal("秋分の日", JapaneseHolidays.Find(new DateOnly(year, 9, septemberDay))?.NameJa);
    }

    [Theory]
    [InlineData("2027-01-11", "成人の日")]       // 2nd Monday of January
    [InlineData("2027-03-22", "振替休日")]       // 春分 on Sunday 3/21
    [InlineData("2028-07-17", "海の日")]         // 3rd Monday of July
    [InlineData("2029-02-12", "振替休日")]       // 建国記念の日 on Sunday
    [InlineData("2029-04-30", "振替休日")]       // 昭和の日 on Sunday
    [InlineData("2029-09-24", "振替休日")]       // 秋分 on Sunday
    [InlineData("2030-05-06", "振替休日")]       // 5/5 on Sunday
    [InlineData("2030-08-12", "振替休日")]       // 山の日 on Sunday
    [InlineData("2030-11-04", "振替休日")]       // 文化の日 on Sunday
    [InlineData("2030-09-16", "敬老の日")]       // 3rd Monday of September
    [InlineData("2030-10-14", "スポーツの日")]   // 2nd Monday of October
    [InlineData("2019-04-30", "国民の休日")]     // between 昭和の日 and 即位の日
    [InlineData("2019-05-02", "国民の休日")]
    [InlineData("2020-07-24", "スポーツの日")]   // Olympic year
    [InlineData("2021-08-09", "振替休日")]       // 山の日 moved to Sunday 8/8
    [InlineData("2032-09-21", "国民の休日")]     // between 敬老の日 9/20 and 秋分の日 9/22
    public void SpecialDays_AreComputedByRule(string date, string name)
    {
        Assert.Equal(name, JapaneseHolidays.Find(D(date))?.NameJa);
    }

    [Theory]
    [InlineData("2026-09-24")]
    [InlineData("2025-05-07")]
    [InlineData("2024-12-23")] // the old 天皇誕生日 is no longer a holiday
    [InlineData("2027-08-12")] // 山の日 2027 is a Wednesday: no substitute
    [InlineData("2028-10-10")] // old 体育の日 date
    public void OrdinaryDays_AreNotHolidays(string date)
    {
        Assert.False(JapaneseHolidays.IsHoliday(D(date)));
    }

    [Theory]
    [InlineData(2027, 17)] // + 3/22
    [InlineData(2028, 16)] // no holiday falls on a Sunday
    [InlineData(2029, 19)] // + 2/12, 4/30, 9/24
    [InlineData(2030, 19)] // + 5/6, 8/12, 11/4
    public void Year_HasTheSixteenStatutoryHolidaysPlusSubstitutes(int year, int count)
    {
        Assert.Equal(count, JapaneseHolidays.InYear(year).Count);
    }

    [Fact]
    public void YearOutsideTheRules_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(2100, 1, 1)));
    }
}
