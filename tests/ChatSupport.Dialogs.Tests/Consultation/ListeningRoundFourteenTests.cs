using ChatSupport.Domain.Handoff;
using Moq;

namespace ChatSupport.Dialogs.Tests.Consultation;

/// <summary>
/// Questions the round-14 conversation readers found unanswered (docs/understanding.md, "Round 14"), written in other
/// words than the persona sets': whether the chat answers at this hour, whether a person is there, whether the one
/// answering is a human — each gets its direct answer, not a request to say more.
/// </summary>
public sealed class ListeningRoundFourteenTests
{
    private static IHandoffRequests Handoff()
    {
        var handoff = new Mock<IHandoffRequests>();
        handoff.Setup(h => h.RequestAsync(It.IsAny<HandoffRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HandoffRequestResult(true, false, 1, true));
        return handoff.Object;
    }

    [Theory]
    [InlineData("深夜ってずっとやってる？")]
    [InlineData("この時間でも返事くる？")]
    [InlineData("夜中やけど大丈夫？")]
    [InlineData("遅くてもやっとる？")]
    public async Task Whether_the_chat_answers_at_this_hour_gets_the_hours(string text)
    {
        await new ConsultationHarness(Handoff()).Started()
            .Send(text)
            .AssertReply(r => Assert.Contains("いつでも返事をします", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("あなたは人間ですか")]
    [InlineData("そっちって人なの")]
    public async Task Whether_the_one_answering_is_human_gets_a_plain_bot(string text)
    {
        await new ConsultationHarness(Handoff()).Started()
            .Send(text)
            .AssertReply(r => Assert.Contains("ボット", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
