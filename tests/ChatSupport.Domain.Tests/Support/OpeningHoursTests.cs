using ChatSupport.Domain.Support;
using static ChatSupport.Domain.Tests.Support.DirectoryTestData;

namespace ChatSupport.Domain.Tests.Support;

public class OpeningHoursTests
{
    private static ServiceChannel Channel(string serviceId, int index = 0) => National.Find(serviceId)!.Channels[index];

    [Theory]
    [InlineData(2026, 11, 24, 15, 59, false)] // Tuesday, before opening
    [InlineData(2026, 11, 24, 16, 0, true)]
    [InlineData(2026, 11, 24, 20, 59, true)]
    [InlineData(2026, 11, 24, 21, 0, false)]
    [InlineData(2026, 11, 23, 18, 0, true)]  // 勤労感謝の日: "daily" includes holidays
    [InlineData(2026, 11, 29, 18, 0, true)]  // Sunday
    public void InochiNoDenwa_FreeDial_IsOpenDaily16To21(int y, int m, int d, int h, int min, bool open)
    {
        Assert.Equal(open, Channel("inochi-no-denwa").StatusAt(Jst(y, m, d, h, min)).IsOpen);
    }

    [Fact]
    public void InochiNoDenwa_OnThe10th_IsOpenFrom8ToThe11thAt8()
    {
        var line = Channel("inochi-no-denwa");

        Assert.False(line.StatusAt(Jst(2026, 12, 10, 7, 59)).IsOpen);
        var morning = line.StatusAt(Jst(2026, 12, 10, 8, 0));
        Assert.True(morning.IsOpen);
        Assert.Equal(Jst(2026, 12, 11, 8, 0), morning.ClosesAt); // the daily 16–21 slot lies inside
        Assert.True(line.StatusAt(Jst(2026, 12, 11, 3, 0)).IsOpen); // past midnight
        Assert.False(line.StatusAt(Jst(2026, 12, 11, 8, 0)).IsOpen);
        Assert.Equal(Jst(2026, 12, 11, 16, 0), line.StatusAt(Jst(2026, 12, 11, 8, 0)).OpensAt);
    }

    [Fact]
    public void InochiNoDenwa_MonthlyDay_AppliesInEveryMonth()
    {
        var line = Channel("inochi-no-denwa");
        for (var month = 1; month <= 12; month++)
        {
            Assert.True(line.StatusAt(Jst(2027, month, 10, 12, 0)).IsOpen, $"2027-{month:00}-10 noon");
            Assert.False(line.StatusAt(Jst(2027, month, 9, 12, 0)).IsOpen, $"2027-{month:00}-09 noon");
        }
    }

    [Fact]
    public void InochiNoDenwa_SpecialWeek2025_IsOpenAroundTheClockInsideTheWindowOnly()
    {
        var line = Channel("inochi-no-denwa");

        Assert.True(line.StatusAt(Jst(2025, 9, 13, 3, 0)).IsOpen);
        Assert.Equal(Jst(2025, 9, 17, 8, 0), line.StatusAt(Jst(2025, 9, 13, 3, 0)).ClosesAt);
        Assert.False(line.StatusAt(Jst(2025, 9, 17, 8, 0)).IsOpen);
        Assert.False(line.StatusAt(Jst(2025, 9, 20, 3, 0)).IsOpen);
        Assert.False(line.StatusAt(Jst(2025, 9, 13, 3, 0)).Is24Hours); // only a window, not always
    }

    [Fact]
    public void InochiNoDenwa_NaviDial_HasNoHours()
    {
        var navi = National.Find("inochi-no-denwa")!.Channels.Single(c => c.Number == "0570-783-556");

        var status = navi.StatusAt(Jst(2026, 11, 24, 12, 0));

        Assert.False(status.HoursKnown);
        Assert.False(status.IsOpen);
        Assert.Null(status.OpensAt);
    }

    [Theory]
    [InlineData(2026, 12, 28, 20, 0, true)]
    [InlineData(2026, 12, 29, 17, 0, false)]
    [InlineData(2027, 1, 1, 17, 0, false)]
    [InlineData(2027, 1, 3, 17, 0, false)]
    [InlineData(2027, 1, 4, 17, 0, true)]
    public void ChildLine_Phone_IsClosedOverTheYearEnd(int y, int m, int d, int h, int min, bool open)
    {
        Assert.Equal(open, Channel("childline").StatusAt(Jst(y, m, d, h, min)).IsOpen);
    }

    [Fact]
    public void ChildLine_AtTheYearEnd_OpensOnJanuary4()
    {
        Assert.Equal(Jst(2027, 1, 4, 16, 0), Channel("childline").StatusAt(Jst(2026, 12, 28, 22, 0)).OpensAt);
    }

    [Theory]
    [InlineData(2026, 11, 24, 9, 0, true)]    // Tuesday
    [InlineData(2026, 11, 23, 9, 0, false)]   // Monday, 勤労感謝の日
    [InlineData(2026, 11, 28, 9, 0, false)]   // Saturday
    [InlineData(2026, 9, 22, 9, 0, false)]    // Tuesday, 国民の休日
    [InlineData(2026, 11, 24, 17, 15, false)]
    [InlineData(2025, 8, 30, 11, 0, true)]    // strengthening week: Saturday 10–17
    [InlineData(2025, 8, 27, 18, 30, true)]   // strengthening week: weekdays to 19:00
    public void ChildrensRightsLine_WeekdaysOnly_ExceptTheStrengtheningWeek(int y, int m, int d, int h, int min, bool open)
    {
        Assert.Equal(open, Channel("kodomo-jinken-110").StatusAt(Jst(y, m, d, h, min)).IsOpen);
    }

    [Fact]
    public void ChildrensRightsLine_OnFridayEvening_OpensNextWorkingDayAfterTheHoliday()
    {
        // Friday 2026-11-20 after closing; Monday 11/23 is a holiday, so Tuesday 8:30.
        Assert.Equal(Jst(2026, 11, 24, 8, 30), Channel("kodomo-jinken-110").StatusAt(Jst(2026, 11, 20, 18, 0)).OpensAt);
    }

    [Fact]
    public void WindowsOnly_IsClosedOutsideWindows_AndNeverPromisesAnOpening()
    {
        var dial = Channel("kodoku-koritsu-9999");

        Assert.True(dial.StatusAt(Jst(2024, 5, 4, 3, 0)).IsOpen);
        var now = dial.StatusAt(Jst(2026, 11, 25, 12, 0));
        Assert.False(now.IsOpen);
        Assert.True(now.HoursKnown);
        Assert.Null(now.OpensAt);
        Assert.Equal(Jst(2023, 12, 15, 9, 0), dial.StatusAt(Jst(2023, 12, 1, 0, 0)).OpensAt);
    }

    [Fact]
    public void DatedEntries_NeverShowHours()
    {
        foreach (var service in National.Services.Where(s => s.Status == ServiceStatus.Dated))
        {
            foreach (var channel in service.Channels.Where(c => c.IsRealTime))
            {
                for (var hour = 0; hour < 24; hour += 3)
                {
                    var status = channel.StatusAt(Jst(2026, 11, 24, hour));
                    Assert.False(status.HoursKnown, $"{service.Id} {channel.Contact}");
                    Assert.Null(status.OpensAt);
                }
            }
        }
    }

    [Fact]
    public void UnknownHours_WithAYearlyClosure_AreKnownClosedOnClosureDays()
    {
        var line = Channel("shohisha-hotline-188");

        Assert.False(line.StatusAt(Jst(2026, 11, 24, 10, 0)).HoursKnown);
        var yearEnd = line.StatusAt(Jst(2026, 12, 31, 10, 0));
        Assert.True(yearEnd.HoursKnown);
        Assert.False(yearEnd.IsOpen);
    }

    [Fact]
    public void HolidaysUnknown_MakesHoursUnknownOnHolidaysOnly()
    {
        var multilingual = National.Find("houterasu")!.Channels.Single(c => c.Number == "0570-078377");

        Assert.True(multilingual.StatusAt(Jst(2026, 11, 24, 10, 0)).IsOpen);
        Assert.False(multilingual.StatusAt(Jst(2026, 11, 23, 10, 0)).HoursKnown);
        Assert.True(multilingual.StatusAt(Jst(2026, 11, 28, 10, 0)).HoursKnown); // Saturday: known closed
        Assert.Equal(Jst(2026, 11, 30, 9, 0), multilingual.StatusAt(Jst(2026, 11, 28, 10, 0)).OpensAt);
    }

    [Fact]
    public void Evaluation_UsesJapanTime_WhateverTheOffsetOfTheClock()
    {
        var line = Channel("inochi-no-denwa");
        // 07:30 UTC is 16:30 JST: open. 13:00 UTC is 22:00 JST: closed.
        Assert.True(line.StatusAt(new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero)).IsOpen);
        Assert.False(line.StatusAt(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)).IsOpen);
        Assert.Equal(JapanTime.Offset, line.StatusAt(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)).OpensAt!.Value.Offset);
    }

    [Fact]
    public void SpanPastMidnight_IsOpenOnBothSidesOfMidnight()
    {
        var hours = Hours("""
                      kind: schedule
                      weekly:
                        - { days: [fri, sat], time: "22:00-02:00" }
                      holidays: as_weekday
            """);

        Assert.True(hours.StatusAt(Jst(2026, 11, 27, 23, 0)).IsOpen);  // Friday night
        Assert.True(hours.StatusAt(Jst(2026, 11, 28, 1, 59)).IsOpen);  // Saturday early morning
        Assert.Equal(Jst(2026, 11, 28, 2, 0), hours.StatusAt(Jst(2026, 11, 28, 1, 0)).ClosesAt);
        Assert.False(hours.StatusAt(Jst(2026, 11, 28, 2, 0)).IsOpen);
        Assert.True(hours.StatusAt(Jst(2026, 11, 29, 1, 0)).IsOpen);   // Saturday's slot into Sunday
        Assert.False(hours.StatusAt(Jst(2026, 11, 30, 1, 0)).IsOpen);  // Sunday's night: no slot
        Assert.Equal(Jst(2026, 12, 4, 22, 0), hours.StatusAt(Jst(2026, 11, 30, 1, 0)).OpensAt);
    }

    [Fact]
    public void BackToBackSlots_CloseAtTheEndOfTheLastOne()
    {
        var hours = Hours("""
                      kind: schedule
                      weekly:
                        - { days: [mon], time: "20:00-24:00" }
                        - { days: [tue], time: "00:00-06:00" }
                      holidays: as_weekday
            """);

        Assert.Equal(Jst(2026, 12, 1, 6, 0), hours.StatusAt(Jst(2026, 11, 30, 21, 0)).ClosesAt);
    }

    [Fact]
    public void HolidayOwnHours_ReplaceTheWeekdayHours()
    {
        var hours = Hours("""
                      kind: schedule
                      weekly:
                        - { days: [mon, tue, wed, thu, fri], time: "18:00-23:00" }
                        - { days: [sat, sun, hol], time: "09:00-23:00" }
                      holidays: own
            """);

        Assert.True(hours.StatusAt(Jst(2026, 11, 23, 10, 0)).IsOpen);   // Monday holiday: 9–23
        Assert.False(hours.StatusAt(Jst(2026, 11, 24, 10, 0)).IsOpen);  // Tuesday: 18–23
        Assert.True(hours.StatusAt(Jst(2026, 11, 24, 18, 0)).IsOpen);
    }

    [Fact]
    public void MonthlyDay31_OnlyOccursInLongMonths()
    {
        var hours = Hours("""
                      kind: schedule
                      monthly:
                        - { day: 31, time: "10:00-12:00" }
            """);

        Assert.Equal(Jst(2027, 3, 31, 10, 0), hours.StatusAt(Jst(2027, 2, 1, 0, 0)).OpensAt);
        Assert.Equal(Jst(2027, 5, 31, 10, 0), hours.StatusAt(Jst(2027, 4, 1, 0, 0)).OpensAt);
    }

    [Fact]
    public void AlwaysOpen_IsOpenAndAroundTheClock()
    {
        var status = Channel("yorisoi-hotline").StatusAt(Jst(2027, 1, 1, 3, 0));

        Assert.True(status.IsOpen);
        Assert.True(status.Is24Hours);
        Assert.Null(status.ClosesAt);
    }
}
