using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Time.Testing;

namespace ChatSupport.Domain.Tests.Triage;

public sealed class TriageConsentAndSwitchTests
{
    private static readonly TriageActor Supervisor = new("sv-1", TriageRole.Supervisor);
    private static readonly TriageActor Counselor = new("co-1", TriageRole.Counselor);

    [Theory]
    [InlineData("AIを使わないで")]
    [InlineData("ＡＩを使わないで")]
    [InlineData("aiを使わないでほしい")]
    [InlineData("AI つかわないで！")]
    [InlineData("AIはいらないです")]
    [InlineData("AIに送らないで")]
    [InlineData("don't use AI")]
    [InlineData("No AI please")]
    public void OptOutPhrases_AreRecognised_ETH04(string text) => Assert.True(TriageOptOut.IsOptOutRequest(text));

    [Theory]
    [InlineData("死にたい")]
    [InlineData("AIってなに？")]
    [InlineData("AIに相談したい")]
    [InlineData("")]
    public void OtherMessages_AreNotOptOuts(string text) => Assert.False(TriageOptOut.IsOptOutRequest(text));

    [Fact]
    public void ButtonValue_IsAnOptOut_ETH04() => Assert.True(TriageOptOut.IsOptOutRequest(TriageOptOut.ButtonValue));

    [Fact]
    public async Task KillSwitch_StopsAndResumesAndIsAudited_ETH03()
    {
        var store = new MemoryTriageStore();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var killSwitch = new TriageKillSwitch(store, clock);
        await killSwitch.LoadAsync(default);
        Assert.False(killSwitch.IsStopped);

        Assert.Equal(TriageCommandResult.Done, await killSwitch.StopAsync(Supervisor, "誤判定が多いため一時停止", default));
        Assert.True(killSwitch.IsStopped);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TriageCommandResult.Done, await killSwitch.ResumeAsync(Supervisor, "プロンプト v2 に切り替え", default));
        Assert.False(killSwitch.IsStopped);

        var audit = await killSwitch.ReadAuditAsync(Supervisor, 10, default);
        Assert.Equal(["resume", "stop"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("sv-1", a.ActorId));
        Assert.Equal("誤判定が多いため一時停止", audit[1].Reason);
    }

    [Fact]
    public async Task KillSwitch_SurvivesRestart_ETH03()
    {
        var store = new MemoryTriageStore();
        await new TriageKillSwitch(store, TimeProvider.System).StopAsync(Supervisor, "停止", default);

        var afterRestart = new TriageKillSwitch(store, TimeProvider.System);
        await afterRestart.LoadAsync(default);
        Assert.True(afterRestart.IsStopped);
    }

    [Fact]
    public async Task KillSwitch_CounselorCannotSwitch_AndTheAttemptIsAudited_ETH03()
    {
        var store = new MemoryTriageStore();
        var killSwitch = new TriageKillSwitch(store, TimeProvider.System);
        Assert.Equal(TriageCommandResult.Forbidden, await killSwitch.StopAsync(Counselor, "止めたい", default));
        Assert.False(killSwitch.IsStopped);
        Assert.Equal("stop.denied", (await store.ReadAuditAsync(10, default)).Single().Action);
        Assert.Empty(await killSwitch.ReadAuditAsync(Counselor, 10, default));
    }

    [Fact]
    public async Task KillSwitch_NeedsAReason()
    {
        var killSwitch = new TriageKillSwitch(new MemoryTriageStore(), TimeProvider.System);
        Assert.Equal(TriageCommandResult.ReasonRequired, await killSwitch.StopAsync(Supervisor, " ", default));
        Assert.False(killSwitch.IsStopped);
    }
}
