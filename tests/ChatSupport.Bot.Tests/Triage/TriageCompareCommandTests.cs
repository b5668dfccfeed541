using ChatSupport.Bot.Cli;
using ChatSupport.Bot.Triage;
using Microsoft.Extensions.Configuration;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>
/// ETH-13: <c>triage compare</c> sends each labelled message with two prompt versions through the Semantic Kernel
/// advisor to an OpenAI-compatible endpoint (a fake on loopback that answers by prompt version) and prints the
/// agreement figures and a verdict.
/// </summary>
public sealed class TriageCompareCommandTests : IAsyncLifetime
{
    // Each message carries a marker word the fake server answers by; the gold levels are the labels.
    private static readonly (string Id, string Text, string Gold, string Marker)[] Messages =
    [
        ("m1", "今日は部活がたのしかった", "none", "部活がたのしかった"),
        ("m2", "テスト勉強がしんどい", "low", "テスト勉強"),
        ("m3", "山田さんとけんかして眠れない", "medium", "けんかして眠れない"),
        ("m4", "親に殴られてあざがある", "high", "殴られてあざ"),
        ("m5", "先生に相談してみようかな", "none", "相談してみようかな"),
    ];

    private FakeOpenAiServer _server = null!;
    private readonly string _file = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".jsonl");

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        await File.WriteAllLinesAsync(_file, Messages.Select(m => $$"""{"id": "{{m.Id}}", "text": "{{m.Text}}", "level": "{{m.Gold}}"}"""));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public void CandidateThatMatchesTheLabels_MayReplaceTheBase_ETH13()
    {
        // v1 answers low to everything; v2 answers the label.
        _server.Answer = body => Answer(IsV2(body) ? GoldFor(body) : "low");
        var (code, output, err) = Run("v1,v2");

        Assert.True(code == 0, output + err);
        Assert.Equal(10, _server.Requests.Count);
        Assert.Contains("messages 5: sent to each version 5, not sent (rule already critical) 0", output, StringComparison.Ordinal);
        Assert.Contains("== prompt v1 ==\nAI calls: judged 5\nagreement with the labels: 0.200 (1/5)", Lf(output), StringComparison.Ordinal);
        Assert.Contains("== prompt v2 ==\nAI calls: judged 5\nagreement with the labels: 1.000 (5/5), kappa 1.000, weighted kappa 1.000", Lf(output), StringComparison.Ordinal);
        Assert.Contains("labelled high or critical and reached high by the AI: 0/1", output, StringComparison.Ordinal);
        Assert.Contains("labelled high or critical and reached high by the AI: 1/1", output, StringComparison.Ordinal);
        Assert.Contains("agreement between versions: 0.200 (1/5)", output, StringComparison.Ordinal);
        Assert.Contains("verdict: v2 may replace v1", output, StringComparison.Ordinal);
        AssertNoMessageText(output);
    }

    [Fact]
    public void CandidateThatAgreesLess_KeepsTheBase_ETH13()
    {
        // Now v2 under-rates the high message: it agrees less with the labels and must not replace v1.
        _server.Answer = body => Answer(IsV2(body) ? (GoldFor(body) == "high" ? "low" : GoldFor(body)) : GoldFor(body));
        var (code, output, _) = Run("v1,v2");

        Assert.Equal(0, code);
        Assert.Contains("agreement between versions: 0.800 (4/5)", output, StringComparison.Ordinal);
        Assert.Contains("verdict: keep v1: v2 agrees less with the labels", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementWithTheRuleLevel_IsPrintedPerVersion_ETH13()
    {
        // Both versions answer what the rules said (rule_level in the prompt): full agreement with the rule level.
        _server.Answer = body => Answer(RuleLevelIn(body));
        var (code, output, _) = Run("v1,v2");

        Assert.Equal(0, code);
        Assert.Equal(2, Lf(output).Split("agreement with the rule level: 1.000 (5/5)").Length - 1);
        Assert.Contains("agreement between versions: 1.000 (5/5)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MessagesAreRedactedBeforeTheyAreSent_ETH05()
    {
        _server.Answer = body => Answer(GoldFor(body));
        Run("v1,v2");

        Assert.Equal(10, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("山田", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void AVersionWithoutValidAnswers_ExitsWithNoAnswers()
    {
        _server.Answer = body => IsV2(body) ? "not json" : Answer(GoldFor(body));
        var (code, output, err) = Run("v1,v2");

        Assert.Equal(TriageEvalCommand.NoAnswers, code);
        Assert.Contains("verdict: no comparison", output, StringComparison.Ordinal);
        Assert.Contains("no valid answer", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1,v1")]
    [InlineData("v1,v9")]
    public void WrongPromptList_IsAUsageError(string prompts)
    {
        var (code, _, err) = Run(prompts);
        Assert.Equal(2, code);
        Assert.NotEmpty(err);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void WithoutAnEndpoint_SaysWhatToSet()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TriageCompareCommand.Run(["compare", "--prompts", "v1,v2", "--input", _file], stdout, stderr, new ConfigurationBuilder().Build());
        Assert.Equal(TriageEvalCommand.NotConfigured, code);
        Assert.Contains("ChatSupport__Triage__Endpoint", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheVerbIsDispatched()
    {
        var stderr = new StringWriter();
        var code = CliCommands.Run(["triage", "compare", "--prompts", "v1,v2", "--input", "/no/such/file.jsonl"], TextReader.Null, new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("input file not found", stderr.ToString(), StringComparison.Ordinal);
    }

    private static bool IsV2(string body) => body.Contains("伏せ字について:", StringComparison.Ordinal);

    private static string GoldFor(string body) => Messages.Single(m => body.Contains(m.Marker, StringComparison.Ordinal)).Gold;

    private static string RuleLevelIn(string body)
    {
        foreach (var level in new[] { "none", "low", "medium", "high", "critical" })
        {
            if (body.Contains("ルールによる判定: " + level, StringComparison.Ordinal))
            {
                return level;
            }
        }

        throw new InvalidOperationException("no rule level in the prompt");
    }

    private static string Answer(string level) =>
        $$"""{"level":"{{level}}","categories":[],"rationale":"テスト用の判定。","confidence":0.7}""";

    private static string Lf(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static void AssertNoMessageText(string output)
    {
        foreach (var m in Messages)
        {
            Assert.DoesNotContain(m.Text, output, StringComparison.Ordinal);
        }
    }

    private (int Code, string Output, string Error) Run(string prompts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatSupport:Triage:Endpoint"] = _server.Endpoint,
            ["ChatSupport:Triage:Model"] = "test-model",
            ["ChatSupport:Triage:TimeoutSeconds"] = "5",
        }).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = TriageCompareCommand.Run(["compare", "--prompts", prompts, "--input", _file], stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
