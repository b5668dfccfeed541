using ChatSupport.Bot.Cli;
using ChatSupport.Bot.Triage;
using Microsoft.Extensions.Configuration;

namespace ChatSupport.Bot.Tests.Triage;

public sealed class TriageEvalCommandTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private readonly string _file = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".jsonl");

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        await File.WriteAllLinesAsync(_file,
        [
            """{"id": "a", "text": "こんにちは", "level": "none"}""",
            """{"id": "b", "text": "ぜんぶどうでもよくなってきた", "level": "critical"}""",
            """{"id": "c", "text": "今から飛び降りる", "level": "critical"}""",
        ]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void WithoutAnEndpoint_SaysWhatToSetAndExits3()
    {
        var (code, _, err) = Run(new Dictionary<string, string?>());
        Assert.Equal(TriageEvalCommand.NotConfigured, code);
        Assert.Contains("ChatSupport__Triage__Endpoint", err, StringComparison.Ordinal);
        Assert.Contains("ChatSupport__Triage__Model", err, StringComparison.Ordinal);
    }

    [Fact]
    public void RiskEvalWithAi_GoesToTheTriageEvaluation()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RiskCommand.Run(["eval", "--with-ai", "--input", "/no/such/file.jsonl"], TextReader.Null, stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("--with-ai", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComparesRuleOnlyWithRulePlusAi()
    {
        _server.Content = """{"level":"critical","categories":["suicidal"],"rationale":"具体的な時刻に触れている。","confidence":0.9}""";
        var (code, output, _) = Run(Configured());

        Assert.Equal(0, code);
        Assert.Contains("== rule only ==", output, StringComparison.Ordinal);
        Assert.Contains("== rule + AI (final = max(rule, AI)) ==", output, StringComparison.Ordinal);
        Assert.Contains("prompt v2, model test-model", output, StringComparison.Ordinal);

        // 今から飛び降りる is critical by rule and is not sent; the two others are.
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("AI calls: judged 2; not sent (rule already critical) 1", output, StringComparison.Ordinal);
        Assert.Contains("raised by AI:", output, StringComparison.Ordinal);
        Assert.Contains("recall gold>=high:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointDown_ExitsWithNoAnswers()
    {
        _server.Status = 500;
        var (code, output, err) = Run(Configured());
        Assert.Equal(TriageEvalCommand.NoAnswers, code);
        Assert.Contains("error", output, StringComparison.Ordinal);
        Assert.Contains("no AI call succeeded", err, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Configured() => new()
    {
        ["ChatSupport:Triage:Endpoint"] = _server.Endpoint,
        ["ChatSupport:Triage:Model"] = "test-model",
        ["ChatSupport:Triage:TimeoutSeconds"] = "5",
    };

    private (int Code, string Output, string Error) Run(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TriageEvalCommand.Run(["--with-ai", "--input", _file], TextReader.Null, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
