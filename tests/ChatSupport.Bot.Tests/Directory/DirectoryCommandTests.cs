using ChatSupport.Bot.Cli;
using ChatSupport.Domain.Support;

namespace ChatSupport.Bot.Tests.Directory;

public sealed class DirectoryCommandTests : IDisposable
{
    private static readonly TimeProvider Clock = new FixedClock(JapanTime.At(2026, 11, 25, 12, 0));
    private readonly DirectoryInfo _work = System.IO.Directory.CreateTempSubdirectory("directory-cli-");
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private string LocalPath => Path.Combine(_work.FullName, "data", "directory");

    public void Dispose() => _work.Delete(recursive: true);

    private int Run(params string[] args) => DirectoryCommand.Run(args, _stdout, _stderr, Clock);

    private string WriteList(string name, string id = "sapporo-youth-line", string number = "011-000-0000", string verified = "2026-11-01")
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, $$"""
            services:
              - id: {{id}}
                status: official
                name: { ja: "札幌 若者相談" }
                description: { ja: "札幌の若い人のための相談電話です。" }
                categories: [loneliness, school]
                region: { scope: municipality, prefecture: "01", municipality: "札幌市" }
                channels:
                  - kind: phone
                    number: "{{number}}"
                    cost: caller_pays
                    hours:
                      kind: schedule
                      weekly:
                        - { days: [mon, tue, wed, thu, fri], time: "09:00-17:00" }
                      holidays: closed
                source: "https://www.example.jp/sapporo"
                verified: {{verified}}
            """);
        return path;
    }

    [Fact]
    public void Import_ValidFile_CopiesItIntoTheLocalFolder_AndTheDirectoryLoadsIt()
    {
        var file = WriteList("sapporo.yaml");

        var exit = Run("import", file, "--local-path", LocalPath);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(LocalPath, "sapporo.yaml")));
        Assert.Contains("Imported 1 entry", _stdout.ToString(), StringComparison.Ordinal);
        Assert.NotNull(SupportDirectory.LoadDefault(LocalPath, Clock).Find("sapporo-youth-line"));
    }

    [Fact]
    public void Import_InvalidFile_IsRefusedWithEntryAndReason_AndNothingIsCopied()
    {
        var file = WriteList("bad.yaml", number: "011-000");

        var exit = Run("import", file, "--local-path", LocalPath);

        Assert.Equal(1, exit);
        var errors = _stderr.ToString();
        Assert.Contains("Refused", errors, StringComparison.Ordinal);
        Assert.Contains("entry 'sapporo-youth-line'", errors, StringComparison.Ordinal);
        Assert.Contains("malformed phone number", errors, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(LocalPath) && System.IO.Directory.EnumerateFiles(LocalPath).Any());
    }

    [Fact]
    public void Import_IdAlreadyInTheNationalData_IsRefused()
    {
        var file = WriteList("clash.yaml", id: "yorisoi-hotline");

        Assert.Equal(1, Run("import", file, "--local-path", LocalPath));
        Assert.Contains("id already used in Support/Data/national.yaml", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SameFileAgain_ReplacesTheEarlierCopy()
    {
        var file = WriteList("sapporo.yaml");
        Assert.Equal(0, Run("import", file, "--local-path", LocalPath));

        Assert.Equal(0, Run("import", file, "--local-path", LocalPath));

        Assert.Contains("replaced the earlier copy", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TheUnchangedTemplate_IsRefused()
    {
        var template = FindRepoFile("docs/directory-local-template.yaml");

        Assert.Equal(1, Run("import", template, "--local-path", LocalPath));
        Assert.Contains("example entry", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFile_IsAUsageError()
    {
        Assert.Equal(2, Run("import", Path.Combine(_work.FullName, "nope.yaml"), "--local-path", LocalPath));
        Assert.Contains("File not found", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ListsEntriesOlderThanTheLimit_AndExitsOne()
    {
        Assert.Equal(0, Run("import", WriteList("old.yaml", verified: "2026-05-01"), "--local-path", LocalPath));

        var exit = Run("check", "--local-path", LocalPath);

        Assert.Equal(1, exit);
        var output = _stdout.ToString();
        Assert.Contains("sapporo-youth-line  verified 2026-05-01 (208 days)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("yorisoi-hotline", output, StringComparison.Ordinal); // verified 2026-11-22
    }

    [Fact]
    public void Check_WithAShorterLimit_ListsTheNationalEntriesToo()
    {
        Assert.Equal(1, Run("check", "--max-age-days", "2", "--local-path", LocalPath));

        Assert.Contains("yorisoi-hotline  verified 2026-11-22 (3 days)", _stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dansei-seibouryoku-hotline-2023", _stdout.ToString(), StringComparison.Ordinal); // expired: not re-checked
    }

    [Fact]
    public void Check_WhenEverythingIsRecent_ExitsZero()
    {
        Assert.Equal(0, Run("import", WriteList("fresh.yaml", verified: "2026-11-20"), "--local-path", LocalPath));

        Assert.Equal(0, Run("check", "--local-path", LocalPath));
        Assert.Contains("verified within the last 90 days", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithInvalidLocalData_ReportsItAndExitsTwo()
    {
        System.IO.Directory.CreateDirectory(LocalPath);
        File.Copy(WriteList("broken.yaml", number: "12345"), Path.Combine(LocalPath, "broken.yaml"));

        Assert.Equal(2, Run("check", "--local-path", LocalPath));
        Assert.Contains("broken.yaml: entry 'sapporo-youth-line'", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("import")]
    [InlineData("check", "--max-age-days", "ninety")]
    public void BadArguments_PrintUsage_AndExitTwo(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.Contains("usage:", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_PrintsEveryEntryWithItsStatus()
    {
        Assert.Equal(0, Run("list", "--local-path", LocalPath));

        Assert.Contains("kodoku-koritsu-9999\twindows_only\t", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verb_IsDispatchedByTheHostCommandLine()
    {
        Assert.True(CliCommands.TryRun(["directory", "list", "--local-path", LocalPath], out var exit));
        Assert.Equal(0, exit);
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
