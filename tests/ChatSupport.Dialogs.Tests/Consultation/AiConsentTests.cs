using static ChatSupport.Dialogs.Tests.Consultation.ConsultationHarness;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>ETH-04: when the AI triage is on, the welcome says so plainly and the person can say no by a button or in words.</summary>
public sealed class AiConsentTests
{
    [Fact]
    public async Task ETH04_with_the_triage_on_the_welcome_says_so_and_the_menu_offers_the_opt_out()
    {
        await new ConsultationHarness(triage: true).Flow()
            .SendConversationUpdate()
            .AssertReplyContains("ボット")
            .AssertReply(r =>
            {
                Assert.Contains("AI", r.Text);
                Assert.Contains("返事をすることはありません", r.Text);
                Assert.Contains("AIを使わないで", r.Text);
            })
            .AssertReply(r =>
            {
                var optOut = Assert.Single(r.SuggestedActions!.Actions, a => a.Title == "AIを使わない");
                Assert.Equal("AIを使わないで", optOut.Value!.Value.GetString());
            })
            .Send("AIを使わないで")
            .AssertReplyContains("AIに送りません")
            .AssertReply(r => Assert.DoesNotContain(r.SuggestedActions!.Actions, a => a.Title == "AIを使わない"), "the menu without the opt-out")
            .StartTestAsync();
    }

    [Fact]
    public async Task ETH04_with_the_triage_off_nothing_about_ai_is_said_or_offered()
    {
        await new ConsultationHarness().Flow()
            .SendConversationUpdate()
            .AssertReply(r => Assert.DoesNotContain("AI", r.Text))
            .AssertReply(r => Assert.DoesNotContain(r.SuggestedActions!.Actions, a => a.Title == "AIを使わない"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ETH04_when_the_kill_switch_is_on_the_welcome_does_not_mention_the_ai()
    {
        var harness = new ConsultationHarness(triage: true);
        await harness.Triage!.KillSwitch.StopAsync(new ChatSupport.Domain.Triage.TriageActor("supervisor-1", ChatSupport.Domain.Triage.TriageRole.Supervisor), "outage", CancellationToken.None);
        await harness.Flow()
            .SendConversationUpdate()
            .AssertReply(r => Assert.DoesNotContain("AI", r.Text))
            .AssertReply(r => Assert.DoesNotContain(r.SuggestedActions!.Actions, a => a.Title == "AIを使わない"))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_opt_out_that_also_says_danger_gets_the_crisis_reply_first()
    {
        await new ConsultationHarness(triage: true).Started()
            .Send("AIを使わないで。今から死ぬ")
            .AssertReply(r => Assert.Contains("119", r.Text))
            .StartTestAsync();
    }
}
