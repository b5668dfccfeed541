using ChatSupport.Bot.Triage;
using ChatSupport.BotKit.Activities;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Moq;

namespace ChatSupport.Bot.Tests.Triage;

/// <summary>The background step with a mocked advisor port and handoff port.</summary>
public sealed class TriageProcessorTests
{
    private static readonly TriageActor Supervisor = new("sv-1", TriageRole.Supervisor);

    private readonly Mock<ITriageAdvisor> _advisor = new(MockBehavior.Strict);
    private readonly Mock<IHandoffRequests> _handoff = new(MockBehavior.Strict);
    private readonly MemoryTriageStore _store = new();
    private readonly TriageKillSwitch _killSwitch;
    private readonly ListLogger<TriageProcessor> _log = new();

    public TriageProcessorTests()
    {
        _killSwitch = new TriageKillSwitch(_store, TimeProvider.System);
        _advisor.SetupGet(a => a.PromptVersion).Returns("v1");
        _advisor.SetupGet(a => a.Model).Returns("m");
    }

    private TriageProcessor Processor => new(_advisor.Object, _store, _store, _killSwitch, TimeProvider.System, _log, _handoff.Object);

    [Fact]
    public async Task Worker_AiRaise_RequestsHandoffWithRaisedPriority_ETH02()
    {
        AdvisorSays(RiskLevel.Critical, SupportCategory.Suicidal);
        HandoffRequest? sent = null;
        _handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .Callback<HandoffRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, true));

        var result = await Processor.ProcessAsync(Item(RiskLevel.Medium, SupportCategory.Bullying), default);

        Assert.Equal(TriageProcessResult.RaisedAndHandedOff, result);
        Assert.NotNull(sent);
        Assert.Equal(HandoffReason.AiSuggested, sent.Reason);
        Assert.Equal(RiskLevel.Critical, sent.Priority);
        Assert.Equal([SupportCategory.Suicidal, SupportCategory.Bullying], sent.Categories);
        Assert.Equal("conv-1", sent.Conversation.Conversation!.Id);

        var record = Assert.Single(await _store.ListAsync(TriageListFilter.Pending, 10, default));
        Assert.Equal((RiskLevel.Medium, RiskLevel.Critical, RiskLevel.Critical, true), (record.RuleLevel, record.AiLevel, record.FinalLevel, record.RaisedByAi));
        Assert.Equal("v1", record.PromptVersion);
        Assert.Equal("［名前］さんにいじめられてる\nもう消えたい", record.Excerpt);
    }

    [Fact]
    public async Task Worker_AiRaiseBelowTheHandoffLevel_IsRecordedWithoutHandoff_ETH02()
    {
        AdvisorSays(RiskLevel.Medium);
        Assert.Equal(TriageProcessResult.Raised, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        _handoff.VerifyNoOtherCalls();
        Assert.True(Assert.Single(await _store.ListAsync(TriageListFilter.All, 10, default)).RaisedByAi);
    }

    [Fact]
    public async Task Worker_AiLower_KeepsTheRuleLevel_ETH02()
    {
        AdvisorSays(RiskLevel.None);
        Assert.Equal(TriageProcessResult.Recorded, await Processor.ProcessAsync(Item(RiskLevel.High), default));
        _handoff.VerifyNoOtherCalls();
        var record = Assert.Single(await _store.ListAsync(TriageListFilter.All, 10, default));
        Assert.Equal((RiskLevel.None, RiskLevel.High, false), (record.AiLevel, record.FinalLevel, record.RaisedByAi));
    }

    [Theory]
    [InlineData(TriageOutcome.Timeout)]
    [InlineData(TriageOutcome.Error)]
    [InlineData(TriageOutcome.CircuitOpen)]
    public async Task Worker_FailedCall_ChangesNothing_ETH07(TriageOutcome outcome)
    {
        _advisor.Setup(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>())).ReturnsAsync(TriageAdvice.Failed(outcome));
        Assert.Equal(TriageProcessResult.NoJudgement, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        Assert.Empty(await _store.ListAsync(TriageListFilter.All, 10, default));
        _handoff.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Worker_InvalidOutput_ChangesNothing_ETH06()
    {
        _advisor.Setup(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>())).ReturnsAsync(TriageAdvice.Invalid(TriageRejection.NotJson));
        Assert.Equal(TriageProcessResult.NoJudgement, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        Assert.Empty(await _store.ListAsync(TriageListFilter.All, 10, default));
    }

    [Fact]
    public async Task Worker_SkipsWhenRuleIsCritical_ETH05()
    {
        Assert.Equal(TriageProcessResult.RuleAlreadyCritical, await Processor.ProcessAsync(Item(RiskLevel.Critical), default));
        _advisor.Verify(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task OptOut_NothingOfThePersonIsSent_ETH04()
    {
        await _store.OptOutAsync("directline", "user-1", DateTimeOffset.UtcNow, default);
        Assert.Equal(TriageProcessResult.OptedOut, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        _advisor.Verify(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()), Times.Never);

        // Another person on the same channel is unaffected.
        AdvisorSays(RiskLevel.Low);
        Assert.Equal(TriageProcessResult.Recorded, await Processor.ProcessAsync(Item(RiskLevel.Low) with { UserId = "user-2" }, default));
    }

    [Fact]
    public async Task KillSwitch_StopsCallsAndIsAudited_ETH03()
    {
        await _killSwitch.StopAsync(Supervisor, "評価のため停止", default);
        Assert.Equal(TriageProcessResult.Stopped, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        _advisor.Verify(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal("stop", (await _store.ReadAuditAsync(1, default)).Single().Action);

        await _killSwitch.ResumeAsync(Supervisor, "再開", default);
        AdvisorSays(RiskLevel.Low);
        Assert.Equal(TriageProcessResult.Recorded, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
    }

    [Fact]
    public async Task KillSwitch_StopDuringACall_DiscardsItsAnswer_ETH03()
    {
        _advisor.Setup(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await _killSwitch.StopAsync(Supervisor, "緊急停止", default);
                return TriageAdvice.Judged(new TriageJudgement(RiskLevel.Critical, [], "切迫している。", 0.9, "v1", "m"));
            });
        Assert.Equal(TriageProcessResult.Stopped, await Processor.ProcessAsync(Item(RiskLevel.Low), default));
        Assert.Empty(await _store.ListAsync(TriageListFilter.All, 10, default));
        _handoff.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Worker_SendsRedactedTextOnly_ETH05()
    {
        TriageInput? seen = null;
        _advisor.Setup(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()))
            .Callback<TriageInput, CancellationToken>((i, _) => seen = i)
            .ReturnsAsync(TriageAdvice.Failed(TriageOutcome.Error));
        await Processor.ProcessAsync(Item(RiskLevel.Low, SupportCategory.Bullying), default);
        Assert.NotNull(seen);
        Assert.Equal(["［名前］さんにいじめられてる", "もう消えたい"], seen.Messages.Select(m => m.Value));
        Assert.Equal(RiskLevel.Low, seen.RuleLevel);
        Assert.Equal([SupportCategory.Bullying], seen.RuleCategories);
    }

    [Fact]
    public async Task Worker_LogsContainNoMessageText_ETH11()
    {
        AdvisorSays(RiskLevel.Critical);
        _handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new HandoffRequestResult(true, false, 1, true));
        await Processor.ProcessAsync(Item(RiskLevel.Low), default);
        Assert.NotEmpty(_log.Entries);
        Assert.All(_log.Entries, e =>
        {
            Assert.DoesNotContain("消えたい", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("いじめ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("切迫", e.Message, StringComparison.Ordinal);
        });
    }

    private void AdvisorSays(RiskLevel level, params SupportCategory[] categories) =>
        _advisor.Setup(a => a.AdviseAsync(It.IsAny<TriageInput>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TriageAdvice.Judged(new TriageJudgement(level, categories, "切迫している可能性がある。", 0.8, "v1", "m")));

    private static TriageWorkItem Item(RiskLevel rule, params SupportCategory[] categories) => new(
        new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount("conv-1"), User = new ChannelAccount("user-1", "user", RoleTypes.User) },
        "conv-1",
        "directline",
        "user-1",
        [Redactor.Redact("田中さんにいじめられてる").Text, Redactor.Redact("もう消えたい").Text],
        rule,
        categories,
        DateTimeOffset.UtcNow);
}
