using ChatSupport.Domain.Support;
using static ChatSupport.Domain.Tests.Support.DirectoryTestData;

namespace ChatSupport.Domain.Tests.Support;

/// <summary>Bad data is refused with the file, the entry and a reason a person can act on.</summary>
public class DirectoryValidationTests
{
    private static DirectoryDataError Single(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    [Fact]
    public void ValidEntry_HasNoErrors()
    {
        Assert.Empty(Errors(PhoneService()));
    }

    [Fact]
    public void MissingSource_NamesFileEntryAndReason()
    {
        var error = Single(PhoneService().Replace("    source: \"https://example.org/source\"\n", string.Empty, StringComparison.Ordinal));

        Assert.Equal("bad.yaml", error.File);
        Assert.Equal("test-line", error.EntryId);
        Assert.Contains("missing source", error.Reason, StringComparison.Ordinal);
        Assert.Equal("bad.yaml: entry 'test-line': " + error.Reason, error.ToString());
    }

    [Theory]
    [InlineData("2026/11/22")]
    [InlineData("22.11.2026")]
    [InlineData("2026-11")]
    public void VerifiedDate_InAnotherFormat_IsRefused(string date)
    {
        var error = Single(PhoneService(verified: date));

        Assert.Contains("must be YYYY-MM-DD", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifiedDate_Missing_IsRefused()
    {
        var error = Single(PhoneService().Replace("    verified: 2026-11-22", string.Empty, StringComparison.Ordinal));

        Assert.Contains("missing verified date", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifiedDate_InTheFuture_IsRefused()
    {
        Assert.Contains("in the future", Single(PhoneService(verified: "2027-06-01")).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0120-27-338")]      // too few digits
    [InlineData("0120279338x")]
    [InlineData("090-1234-567")]     // mobile needs 11 digits
    [InlineData("#71190")]
    [InlineData("9110")]
    [InlineData("0120--279-338")]
    public void MalformedPhoneNumber_IsRefused(string number)
    {
        var error = Single(PhoneService(number: number));

        Assert.Contains("malformed phone number", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("channel 1:", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0120-279-338")]
    [InlineData("0120-0-78310")]
    [InlineData("0570-078374")]
    [InlineData("011-231-4343")]
    [InlineData("050-3754-5430")]
    [InlineData("#8103")]
    [InlineData("189")]
    public void WellFormedPhoneNumber_IsAccepted(string number)
    {
        Assert.Null(PhoneNumbers.Validate(number));
    }

    [Fact]
    public void UnknownCategory_IsRefused()
    {
        var error = Single(PhoneService().Replace("[loneliness]", "[loneliness, lonelyness]", StringComparison.Ordinal));

        Assert.Equal("unknown category 'lonelyness'", error.Reason);
    }

    [Fact]
    public void OverlappingWeeklyHours_AreRefused()
    {
        var error = Single(PhoneService(hoursYaml: """
                      kind: schedule
                      weekly:
                        - { days: [mon], time: "09:00-17:00" }
                        - { days: [mon, tue], time: "16:00-20:00" }
                      holidays: closed
            """));

        Assert.Contains("overlapping hours", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlapAcrossMidnight_IsRefused()
    {
        var error = Single(PhoneService(hoursYaml: """
                      kind: schedule
                      weekly:
                        - { days: [sun], time: "22:00-03:00" }
                        - { days: [mon], time: "02:00-05:00" }
                      holidays: as_weekday
            """));

        Assert.Contains("overlapping hours", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9:00-17:00")]
    [InlineData("09:00-25:00")]
    [InlineData("09:60-17:00")]
    [InlineData("09:00")]
    public void InvalidTime_IsRefused(string time)
    {
        var error = Single(PhoneService(hoursYaml: $$"""
                      kind: schedule
                      weekly:
                        - { days: [mon], time: "{{time}}" }
                      holidays: closed
            """));

        Assert.Contains("must look like 09:00-17:00", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WeeklyHours_WithoutAHolidayRule_AreRefused()
    {
        var error = Single(PhoneService(hoursYaml: """
                      kind: schedule
                      weekly:
                        - { days: [mon], time: "09:00-17:00" }
            """));

        Assert.Contains("holidays:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowEndingBeforeItStarts_IsRefused()
    {
        var error = Single(PhoneService(status: "windows_only", hoursYaml: """
                      kind: windows_only
                      windows:
                        - { from: "2026-05-07T10:00", to: "2026-05-02T10:00" }
            """));

        Assert.Contains("ends before it starts", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DatedEntry_WithHours_IsRefused()
    {
        var error = Single(PhoneService(status: "dated"));

        Assert.Contains("dated entry must not carry hours", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowsOnlyEntry_ThatIsAlwaysOpen_IsRefused()
    {
        var error = Single(PhoneService(status: "windows_only"));

        Assert.Contains("windows_only entry is open only inside dated windows", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownHours_NeedAReason()
    {
        var error = Single(PhoneService(hoursYaml: "          kind: unknown"));

        Assert.Contains("reason: dated, varies_by_region or not_verified", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPrefectureCode_IsRefused()
    {
        var error = Single(PhoneService().Replace("{ scope: national }", "{ scope: prefecture, prefecture: \"48\" }", StringComparison.Ordinal));

        Assert.Contains("not a JIS prefecture code", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownField_IsReportedWithItsLine()
    {
        var error = Single(PhoneService(extra: "    phone_number: \"0120\""));

        Assert.Null(error.EntryId);
        Assert.Contains("line", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIds_AcrossFiles_NameBothFiles()
    {
        var ex = Assert.Throws<DirectoryDataException>(() =>
            DirectoryLoader.LoadAll([("a.yaml", PhoneService()), ("b.yaml", PhoneService())], Today));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("b.yaml", error.File);
        Assert.Equal("test-line", error.EntryId);
        Assert.Contains("a.yaml", error.Reason, StringComparison.Ordinal);
        Assert.Contains("b.yaml: entry 'test-line'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_WithABadLocalFile_Throws_NamingTheFile()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("directory-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "tokyo.yaml");
            File.WriteAllText(path, PhoneService(number: "0120-1"));

            var ex = Assert.Throws<DirectoryDataException>(() => SupportDirectory.LoadDefault(folder.FullName));

            Assert.Contains(ex.Errors, e => e.File == path && e.EntryId == "test-line" && e.Reason.Contains("malformed phone number", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDefault_AddsValidLocalLists()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("directory-test-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "local.yaml"), PhoneService(id: "local-window"));

            var directory = SupportDirectory.LoadDefault(folder.FullName);

            Assert.NotNull(directory.Find("local-window"));
            Assert.NotNull(directory.Find("yorisoi-hotline"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
