using System.Diagnostics;
using System.Text.Json;
using ChatSupport.Bot.Triage;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>The SDK path against an OpenAI-compatible server on loopback.</summary>
public sealed class OpenAiTriageAdvisorTests : IAsyncLifetime
{
    private const string PersonText = "田中さんにずっと殴られてる。もう死にたい。090-1234-5678";

    private FakeOpenAiServer _server = null!;
    private readonly ListLogger<GuardedTriageAdvisor> _log = new();

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SdkPath_SendsTheRequestShapeWithAuthAndRedactedText_ETH05()
    {
        var advisor = Create();
        var advice = await advisor.AdviseAsync(Input(RiskLevel.Medium), default);

        Assert.Equal(TriageOutcome.Judged, advice.Outcome);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-key", request.Authorization);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("test-model", root.GetProperty("model").GetString());
        Assert.Equal(0, root.GetProperty("temperature").GetDouble());
        var messages = root.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal(TriagePromptLibrary.LoadEmbedded().Get("v1").System, messages[0].GetProperty("content").GetString());
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        var user = messages[1].GetProperty("content").GetString()!;
        Assert.Contains("ルールによる判定: medium", user, StringComparison.Ordinal);
        Assert.Contains("［名前］さんにずっと殴られてる。もう死にたい。［電話番号］", user, StringComparison.Ordinal);
        Assert.DoesNotContain("田中", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", request.Body, StringComparison.Ordinal);

        var format = root.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task SdkPath_RecordsPromptVersionAndModel_ETH09()
    {
        var advice = await Create().AdviseAsync(Input(RiskLevel.Low), default);
        var judgement = advice.Judgement!;
        Assert.Equal(RiskLevel.High, judgement.Level);
        Assert.Equal([SupportCategory.Suicidal], judgement.Categories);
        Assert.Equal("v1", judgement.PromptVersion);
        Assert.Equal("fake-model-1", judgement.Model);
    }

    [Fact]
    public async Task SdkPath_Timeout_IsIgnored_ETH07()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        var advice = await Create(timeoutSeconds: 1).AdviseAsync(Input(RiskLevel.Low), default);
        Assert.Equal(TriageOutcome.Timeout, advice.Outcome);
        Assert.Null(advice.Judgement);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("高リスクだと思います。", TriageRejection.NotJson)]
    [InlineData("""{"level":"extreme","categories":[],"rationale":"切迫。","confidence":0.9}""", TriageRejection.UnknownLevel)]
    [InlineData("""{"level":"high","categories":[],"rationale":"あなたは一人じゃないよ。","confidence":0.9}""", TriageRejection.AddressesThePerson)]
    public async Task SdkPath_MalformedOutput_IsIgnored_ETH06(string content, TriageRejection rejection)
    {
        _server.Content = content;
        var advice = await Create().AdviseAsync(Input(RiskLevel.Low), default);
        Assert.Equal(TriageOutcome.InvalidOutput, advice.Outcome);
        Assert.Equal(rejection, advice.Rejection);
        Assert.Equal(RiskLevel.Low, TriageCombination.Combine(RiskLevel.Low, advice).Final);
        AssertNoTextLogged(content);
    }

    [Fact]
    public async Task SdkPath_HugeOutput_IsIgnored_ETH06()
    {
        _server.Content = new string('x', 100_000);
        var advice = await Create().AdviseAsync(Input(RiskLevel.Low), default);
        Assert.Equal((TriageOutcome.InvalidOutput, TriageRejection.TooLarge), (advice.Outcome, advice.Rejection));
    }

    [Fact]
    public async Task SdkPath_ABodyThatIsNotAChatCompletion_IsAnError_ETH07()
    {
        _server.RawBody = "<html>proxy error</html>";
        var advice = await Create().AdviseAsync(Input(RiskLevel.Low), default);
        Assert.Equal(TriageOutcome.Error, advice.Outcome);
        AssertNoTextLogged("proxy error");
    }

    [Fact]
    public async Task SdkPath_Outage_OpensTheCircuit_ETH07()
    {
        _server.Status = 503;
        var advisor = Create(minimumThroughput: 2, breakSeconds: 30);

        Assert.Equal(TriageOutcome.Error, (await advisor.AdviseAsync(Input(RiskLevel.Low), default)).Outcome);
        Assert.Equal(TriageOutcome.Error, (await advisor.AdviseAsync(Input(RiskLevel.Low), default)).Outcome);
        var calls = _server.Requests.Count;

        // The endpoint is back, but the circuit stays open for its break: no call is made.
        _server.Status = 200;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TriageOutcome.CircuitOpen, (await advisor.AdviseAsync(Input(RiskLevel.Low), default)).Outcome);
        }

        Assert.Equal(2, calls);
        Assert.Equal(calls, _server.Requests.Count);
        Assert.Contains(_log.Entries, e => e.Event.Name == "TriageCircuitOpened");
        AssertNoTextLogged("upstream down");
    }

    [Fact]
    public async Task SdkPath_ConnectionRefused_IsAnError_ETH07()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        var advisor = Create(endpoint: endpoint);
        Assert.Equal(TriageOutcome.Error, (await advisor.AdviseAsync(Input(RiskLevel.Low), default)).Outcome);
        _server = await FakeOpenAiServer.StartAsync();
    }

    [Fact]
    public async Task SdkPath_ResponseFormatNone_SendsNoResponseFormat()
    {
        await Create(responseFormat: "none").AdviseAsync(Input(RiskLevel.Low), default);
        using var body = JsonDocument.Parse(Assert.Single(_server.Requests).Body);
        Assert.False(body.RootElement.TryGetProperty("response_format", out _));
    }

    private void AssertNoTextLogged(string text)
    {
        // ETH-11: neither the person's words nor the model's answer appear in any log line.
        Assert.All(_log.Entries, e =>
        {
            Assert.DoesNotContain("死にたい", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
        });
    }

    private GuardedTriageAdvisor Create(int timeoutSeconds = 5, int minimumThroughput = 4, double breakSeconds = 60, string? endpoint = null, string responseFormat = "json_schema")
    {
        var options = new TriageOptions
        {
            Enabled = true,
            Endpoint = endpoint ?? _server.Endpoint,
            Model = "test-model",
            ApiKey = "sk-test-key",
            TimeoutSeconds = timeoutSeconds,
            CircuitMinimumThroughput = minimumThroughput,
            CircuitBreakSeconds = breakSeconds,
            ResponseFormat = responseFormat,
        };
        return new GuardedTriageAdvisor(new OpenAiTriageAdvisor(options, TriagePromptLibrary.LoadEmbedded().Get("v1")), options, _log);
    }

    private static TriageInput Input(RiskLevel rule) => new([Redactor.Redact(PersonText).Text], rule, []);
}
