using System.Text.Json;
using ChatSupport.Bot.Cli;

namespace ChatSupport.Bot.Tests.Risk;

public class RiskCommandTests
{
    [Fact]
    public void Score_WritesOneJsonLinePerInputAndReportsMalformedLines()
    {
        var input = new StringReader("""
            {"id": "a", "text": "死にたい"}
            {"id": "b", "text": 
            {"id": "c", "text": "こんにちは"}
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = RiskCommand.Run(["score", "--input", "-"], input, stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("line 2", stderr.ToString(), StringComparison.Ordinal);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
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
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file,
            [
                """{"id": "1", "text": "屋上にいる", "level": "critical", "categories": ["suicidal"]}""",
                """{"id": "2", "text": "死ぬほど眠い", "level": "none", "categories": []}""",
                """{"id": "3", "text": "no level here"}""",
            ]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exit = RiskCommand.Run(["eval", "--input", file], TextReader.Null, stdout, stderr);

            Assert.Equal(1, exit);
            Assert.Contains("line 3", stderr.ToString(), StringComparison.Ordinal);
            var text = stdout.ToString();
            Assert.Contains("messages: 2", text, StringComparison.Ordinal);
            Assert.Contains("recall gold>=high predicted>=high: 1.000", text, StringComparison.Ordinal);
            Assert.Contains("recall gold=critical predicted=critical: 1.000", text, StringComparison.Ordinal);
            Assert.Contains("share gold none/low predicted>=high: 0.000", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MissingInput_IsAUsageError()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, RiskCommand.Run(["score"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("--input", stderr.ToString(), StringComparison.Ordinal);
    }
}
