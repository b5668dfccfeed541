using System.Text.Json;
using ChatSupport.Bot.Cli;
using ChatSupport.Bot.Tests.Infrastructure;

namespace ChatSupport.Bot.Tests.Risk;

public class RiskCommandTests
{
    [Fact]
    public void Score_WritesOneJsonLinePerInputAndReportsMalformedLines()
    {
        var result = CliRun.Run(RiskCommand.Run, ["score", "--input", "-"], """
            {"id": "a", "text": "死にたい"}
            {"id": "b", "text": 
            {"id": "c", "text": "こんにちは"}
            """);

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
        var lines = result.Lines;
        Assert.Equal(2, lines.Length);

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("high", first.RootElement.GetProperty("level").GetString());
        Assert.Equal("suicidal", first.RootElement.GetProperty("categories")[0].GetString());
        var match = first.RootElement.GetProperty("matches")[0];
        Assert.Equal(0, match.GetProperty("start").GetInt32());
        Assert.Equal(4, match.GetProperty("length").GetInt32());
        Assert.Equal("suicidal", match.GetProperty("category").GetString());
        Assert.Contains("死にたい", lines[0], StringComparison.Ordinal);

        using var third = JsonDocument.Parse(lines[1]);
        Assert.Equal("none", third.RootElement.GetProperty("level").GetString());
        Assert.Equal(0, third.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public void Eval_PrintsMatrixAndFloorFigures()
    {
        var result = CliRun.RunOnFile(
            RiskCommand.Run,
            [
                """{"id": "1", "text": "屋上にいる", "level": "critical", "categories": ["suicidal"]}""",
                """{"id": "2", "text": "死ぬほど眠い", "level": "none", "categories": []}""",
                """{"id": "3", "text": "no level here"}""",
            ],
            file => ["eval", "--input", file]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("messages: 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("recall gold>=high predicted>=high: 1.000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("recall gold=critical predicted=critical: 1.000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("share gold none/low predicted>=high: 0.000", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInput_IsAUsageError()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, RiskCommand.Run(["score"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("--input", stderr.ToString(), StringComparison.Ordinal);
    }
}
