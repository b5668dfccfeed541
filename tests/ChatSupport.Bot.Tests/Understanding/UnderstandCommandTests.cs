using System.Text.Json;
using ChatSupport.Bot.Cli;
using ChatSupport.Bot.Tests.Infrastructure;

namespace ChatSupport.Bot.Tests.Understanding;

public class UnderstandCommandTests
{
    [Fact]
    public void Understand_WritesOneJsonLinePerInput_AndReportsMalformedLinesByNumber()
    {
        var result = CliRun.Run(UnderstandCommand.Run, ["--input", "-"], """
            {"id": "a", "text": "中2です。クラスで無視されてて学校行きたくない。名前言わなくても大丈夫？札幌住み"}
            {"id": "b", "text":
            {"id": "c", "text": "好きな食べ物なに"}
            """);

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
        var lines = result.Lines;
        Assert.Equal(2, lines.Length);

        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("a", root.GetProperty("id").GetString());
        Assert.Equal("medium", root.GetProperty("level").GetString());
        var categories = root.GetProperty("categories").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("bullying", categories);
        Assert.Contains("school", categories);
        var intents = root.GetProperty("intents").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("disclosure", intents);
        Assert.Contains("ask_privacy", intents);
        Assert.Equal("junior_high", root.GetProperty("ageBand").GetString());
        Assert.Equal("01", root.GetProperty("prefecture").GetString());
        Assert.Contains(root.GetProperty("cues").EnumerateArray(), c => c.GetProperty("kind").GetString() == "prefecture" && c.GetProperty("label").GetString() == "01");

        using var third = JsonDocument.Parse(lines[1]);
        Assert.Equal(["other"], third.RootElement.GetProperty("intents").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, third.RootElement.GetProperty("ageBand").ValueKind);
        Assert.Equal(JsonValueKind.Null, third.RootElement.GetProperty("prefecture").ValueKind);
    }

    [Fact]
    public void Eval_PrintsFigures_AndSkipsLinesWithUnknownLabels()
    {
        var result = CliRun.RunOnFile(
            UnderstandCommand.Run,
            [
                """{"id": "1", "text": "こんにちは", "intents": ["greeting"], "categories": [], "ageBand": null, "prefecture": null}""",
                """{"id": "2", "text": "高1。大阪に住んでる。親がうるさくてしんどい", "intents": ["disclosure"], "categories": ["family"], "ageBand": "high_school", "prefecture": "27"}""",
                """{"id": "3", "text": "x", "intents": ["hello"], "categories": []}""",
            ],
            file => ["eval", "--input", file, "--errors"]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("line 3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("messages 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("intents micro-F1 1.000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("categories micro-F1 1.000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ageBand accuracy 1.000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("prefecture accuracy 1.000", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageErrors()
    {
        var stderr = new StringWriter();

        Assert.Equal(2, UnderstandCommand.Run([], TextReader.Null, TextWriter.Null, stderr));
        Assert.Equal(2, UnderstandCommand.Run(["eval", "--input", "-"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Equal(2, UnderstandCommand.Run(["--input", "/no/such/file"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("--input", stderr.ToString(), StringComparison.Ordinal);
    }
}
