using System.Collections.Concurrent;
using ChatSupport.Bot.Tests.Infrastructure;
using ChatSupport.Bot.Triage;
using ChatSupport.Bot.Turns;
using ChatSupport.BotKit.Turns;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using ChatSupport.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>The whole host with the triage on, over Direct Line, against the fake AI server.</summary>
public sealed class TriageHostTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void AddTriage_DisabledByDefault_ETH03()
    {
        using var factory = new ChatSupportFactory();
        var services = factory.Services;
        Assert.False(services.GetRequiredService<TriageStatus>().IsActive);
        Assert.DoesNotContain(services.GetRequiredService<TurnPipeline>().Steps, m => m is TriageMiddleware);
        Assert.Null(services.GetService<TriageQueue>());
        Assert.Null(services.GetService<ITriageAdvisor>());

        // The console can still list and review past judgements.
        Assert.NotNull(services.GetService<TriageReviewService>());
    }

    [Fact]
    public void AddTriage_EnabledWithoutEndpoint_StopsTheStartNamingTheVariable()
    {
        using var factory = new ChatSupportFactory { Settings = new Dictionary<string, string> { ["ChatSupport:Triage:Enabled"] = "true" } };
        var e = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("ChatSupport__Triage__Endpoint", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_DoesNotWaitForTheAdvisor_ETH02()
    {
        // The AI answers "critical" only when the test lets it; the person's turn (reply and rule-based path) must not wait.
        _server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Content = """{"level":"critical","categories":["suicidal"],"rationale":"具体的な時刻に触れており切迫している。","confidence":0.9}""";
        var handoff = new RecordingHandoff();
        using var factory = Factory(handoff);
        var client = await DirectLineClient.StartAsync(factory);
        var botMessagesBefore = (await client.BotMessagesAsync()).Count;

        await client.SayAsync("田中さんのことで、もう疲れた。明日の朝にはいなくなるかも");
        var replies = (await client.BotMessagesAsync()).Count - botMessagesBefore;

        // The turn is over and answered while the AI has not answered yet (its answer is still held).
        Assert.True(replies >= 1, "the bot replied before the AI answered");
        Assert.False(_server.Hold.Task.IsCompleted);

        // Then, in the background: a redacted request, a judgement for review, a handoff marked AI-suggested.
        await _server.WaitForRequestsAsync(1);
        _server.Hold.SetResult();
        var request = _server.Requests.First();
        Assert.Equal("Bearer sk-host-test", request.Authorization);
        Assert.Contains("［名前］さんのことで", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("田中", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(client.ConversationId!, request.Body, StringComparison.Ordinal);

        var sent = await handoff.WaitAsync();
        Assert.Equal(HandoffReason.AiSuggested, sent.Reason);
        Assert.Equal(RiskLevel.Critical, sent.Priority);
        Assert.Equal(client.ConversationId, sent.Conversation.Conversation!.Id);

        var reviews = factory.Services.GetRequiredService<TriageReviewService>();
        var record = await reviews.LatestForConversationAsync(client.ConversationId!, default);
        Assert.NotNull(record);
        Assert.Equal((RiskLevel.Critical, "v2", "fake-model-1"), (record.AiLevel, record.PromptVersion, record.Model));
        Assert.DoesNotContain("田中", record.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_NeverSendsAnythingToThePerson_ETH01()
    {
        _server.Content = """{"level":"high","categories":[],"rationale":"希死念慮の可能性がある。","confidence":0.9}""";
        using var factory = Factory(new RecordingHandoff());
        var client = await DirectLineClient.StartAsync(factory);
        await client.SayAsync("最近ずっと眠れない");
        var afterTurn = await client.BotMessagesAsync();

        await _server.WaitForRequestsAsync(1);
        var reviews = factory.Services.GetRequiredService<TriageReviewService>();
        await WaitUntilAsync(async () => await reviews.LatestForConversationAsync(client.ConversationId!, default) is not null);

        var later = await client.BotMessagesAsync();
        Assert.Equal(afterTurn.Count, later.Count);
        Assert.DoesNotContain(later, m => m.Text?.Contains("希死念慮", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task OptOut_PhraseStopsEverythingAfterwards_ETH04()
    {
        using var factory = Factory(new RecordingHandoff(), concurrency: 1);
        var optedOut = await DirectLineClient.StartAsync(factory);
        await optedOut.SayAsync("AIを使わないで");
        await optedOut.SayAsync("もう死にたいよ");
        await optedOut.SayAsync("部活の先輩が怖い");

        // A second person, after: with one reader the queue is FIFO, so once theirs arrives the others were handled.
        var other = await DirectLineClient.StartAsync(factory);
        await other.SayAsync("最近さみしい");
        await _server.WaitForRequestsAsync(1);
        await Task.Delay(200);

        var request = Assert.Single(_server.Requests);
        Assert.Contains("最近さみしい", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("もう死にたいよ", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("部活の先輩", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("AIを使わないで", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptOut_WhileWaitingForACounselor_LastsAfterReturningToTheBot_ETH04()
    {
        // The real handoff: the person waits for a counselor, says 「AIを使わないで」 (the relay ends that turn),
        // cancels the wait and talks with the bot again. Nothing of theirs reaches the AI after the opt-out.
        using var factory = Factory(handoff: null, concurrency: 1);
        await Handoff.ConsoleClient.AddAccountAsync(factory, "tanaka", "counselor");
        await Handoff.ConsoleClient.SignInAsync(factory, "tanaka");
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("人と話したい");
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text!.Contains("つなぎます", StringComparison.Ordinal));
        await _server.WaitForRequestsAsync(1);
        var before = _server.Requests.Count;

        await person.SayAsync("AIを使わないで");
        await person.SayAsync("キャンセル");
        Assert.Contains(await person.BotMessagesAsync(), m => m.Text!.Contains("待つのをやめました", StringComparison.Ordinal));
        var back = await person.SayAsync("最近ずっと眠れない、夜になると消えたくなる");
        Assert.Contains((await person.GetActivitiesAsync()).Activities, a => a.ReplyToId == back && a.From?.Role == "bot");

        // Another person after them: with one reader the queue is FIFO, so once theirs arrives the others were handled.
        var other = await DirectLineClient.StartAsync(factory);
        await other.SayAsync("最近さみしい");
        await _server.WaitForRequestsAsync(before + 1);
        await Task.Delay(300);

        Assert.Equal(before + 1, _server.Requests.Count);
        Assert.Contains("最近さみしい", _server.Requests.Last().Body, StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("消えたくなる", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("AIを使わないで", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("キャンセル", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_SendsRedactedTextOnly_ANameGivenEarlierStaysMasked_ETH05()
    {
        using var factory = Factory(new RecordingHandoff(), concurrency: 1);
        var person = await DirectLineClient.StartAsync(factory);
        await person.SayAsync("わたしは田中ゆうきっていいます");
        await person.SayAsync("ゆうきって呼ばれるのがもう嫌。ＬＩＮＥのＩＤはｔａｒｏ１２３");
        await _server.WaitForRequestsAsync(2);

        var last = _server.Requests.Last().Body;
        Assert.Contains("わたしは［名前］っていいます", last, StringComparison.Ordinal);
        Assert.Contains("［名前］って呼ばれるのがもう嫌。ＬＩＮＥのＩＤは［ID］", last, StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("ゆうき", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("ｔａｒｏ", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillSwitch_SurvivesRestart_ETH03()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatsupport-tests", Guid.NewGuid().ToString("N") + ".db");
        using (var first = Factory(new RecordingHandoff(), databasePath: path))
        {
            var killSwitch = first.Services.GetRequiredService<TriageKillSwitch>();
            _ = first.Server;
            Assert.Equal(TriageCommandResult.Done, await killSwitch.StopAsync(new TriageActor("sv-1", TriageRole.Supervisor), "誤判定の調査", default));
        }

        using var second = Factory(new RecordingHandoff(), databasePath: path);
        var client = await DirectLineClient.StartAsync(second);
        Assert.True(second.Services.GetRequiredService<TriageKillSwitch>().IsStopped);
        Assert.False(second.Services.GetRequiredService<TriageStatus>().IsActive);
        await client.SayAsync("もう疲れた");
        await Task.Delay(300);
        Assert.Empty(_server.Requests);

        var audit = await second.Services.GetRequiredService<ITriageControlStore>().ReadAuditAsync(10, default);
        Assert.Equal(("stop", "sv-1", "誤判定の調査"), (audit[0].Action, audit[0].ActorId, audit[0].Reason));
    }

    private ChatSupportFactory Factory(RecordingHandoff? handoff, int concurrency = 2, string? databasePath = null) => new(databasePath)
    {
        Settings = new Dictionary<string, string>
        {
            ["ChatSupport:Triage:Enabled"] = "true",
            ["ChatSupport:Triage:Endpoint"] = _server.Endpoint,
            ["ChatSupport:Triage:Model"] = "test-model",
            ["ChatSupport:Triage:ApiKey"] = "sk-host-test",
            ["ChatSupport:Triage:TimeoutSeconds"] = "10",
            ["ChatSupport:Triage:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ExtraServices = handoff is null ? null : services => services.AddSingleton<IHandoffRequests>(handoff),
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 15 s");
            await Task.Delay(20);
        }
    }

    private sealed class RecordingHandoff : IHandoffRequests
    {
        private readonly ConcurrentQueue<HandoffRequest> _requests = new();

        public Task<HandoffRequestResult> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            return Task.FromResult(new HandoffRequestResult(true, false, 1, true));
        }

        public Task<bool> IsWithHumanAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult(false);

        public async Task<HandoffRequest> WaitAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            HandoffRequest? request;
            while (!_requests.TryDequeue(out request) || request.Reason != HandoffReason.AiSuggested)
            {
                Assert.True(DateTime.UtcNow < deadline, "no AI-suggested handoff in 15 s");
                await Task.Delay(20);
            }

            return request;
        }
    }
}
