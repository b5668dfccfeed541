using ChatSupport.Domain.Handoff;

namespace ChatSupport.Domain.Tests.Handoff;

/// <summary>Counselor hours on Japan's national holidays and over the year-end break (年末年始).</summary>
public sealed class CounselorHoursTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    // 23 November 2026 is a Monday and 勤労感謝の日; 24 November is an ordinary Tuesday.
    private static readonly DateTimeOffset LabourThanksgiving18 = new(2026, 11, 23, 18, 0, 0, Jst);
    private static readonly DateTimeOffset LabourThanksgiving14 = new(2026, 11, 23, 14, 0, 0, Jst);
    private static readonly DateTimeOffset NextTuesday18 = new(2026, 11, 24, 18, 0, 0, Jst);

    [Fact]
    public void Closed_on_holidays_means_a_Monday_holiday_evening_is_closed_and_the_person_is_told_Tuesday()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00, Hol closed");

        Assert.False(hours.IsOpen(LabourThanksgiving18));
        Assert.True(hours.IsOpen(NextTuesday18));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, Jst), hours.NextOpening(LabourThanksgiving18));
        Assert.Equal("月〜金 17:00〜22:00、祝日は休み", hours.Description);
        Assert.Equal("Mon–Fri 17:00–22:00, holidays closed", hours.DescriptionEnglish);
    }

    [Fact]
    public void Holiday_hours_replace_the_weekday_hours_on_a_holiday_only()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00, Sat-Sun 13:00-22:00, Hol 13:00-22:00");

        Assert.True(hours.IsOpen(LabourThanksgiving14));                                   // holiday hours
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 11, 24, 14, 0, 0, Jst)));      // an ordinary Tuesday at 14:00
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, Jst), hours.NextOpening(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Jst)));
    }

    [Fact]
    public void Without_holiday_hours_a_holiday_keeps_its_weekday_hours()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00");

        Assert.True(hours.IsOpen(LabourThanksgiving18));
    }

    [Fact]
    public void The_year_end_break_closes_29_December_to_3_January_and_wins_over_New_Years_Day_holiday_hours()
    {
        var hours = CounselorHours.Parse("Daily 10:00-22:00, Hol 13:00-22:00, YearEnd closed");

        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 12, 31, 12, 0, 0, Jst)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2027, 1, 1, 15, 0, 0, Jst)));        // 元日: the year-end rule decides
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 12, 28, 12, 0, 0, Jst)));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 10, 0, 0, Jst), hours.NextOpening(new DateTimeOffset(2026, 12, 29, 23, 0, 0, Jst)));
        Assert.Equal("毎日 10:00〜22:00、祝日 13:00〜22:00、年末年始（12/29〜1/3）は休み", hours.Description);
    }

    [Fact]
    public void Year_end_hours_of_their_own_are_used_on_those_days()
    {
        var hours = CounselorHours.Parse("Mon-Fri 17:00-22:00, YearEnd 18:00-21:00");

        Assert.True(hours.IsOpen(new DateTimeOffset(2027, 1, 2, 19, 0, 0, Jst)));         // a Saturday in the break
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 12, 30, 17, 30, 0, Jst)));     // a Wednesday in the break, before 18:00
    }

    [Theory]
    [InlineData("Mon closed")]
    [InlineData("Hol")]
    [InlineData("Hol 22:00-13:00")]
    [InlineData("Holidays closed")]
    public void Entries_that_are_not_hours_stop_the_start_with_a_message_naming_the_format(string text)
    {
        var error = Assert.Throws<FormatException>(() => CounselorHours.Parse(text));
        Assert.Contains("Hol", error.Message, StringComparison.Ordinal);
    }
}
