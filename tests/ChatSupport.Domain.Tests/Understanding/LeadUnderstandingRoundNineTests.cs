using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// The lead's round-9 class (Patterns/lead9.yaml): eating and purging told as what happens after eating, in words from
/// none of the persona replays or the sets.
/// </summary>
public class LeadUnderstandingRoundNineTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("ごはん食べてから吐いちゃうのが毎日")]
    [InlineData("食べすぎたら吐きに行くのがくせになってる")]
    [InlineData("太るのがこわくて、体重がふえるのが怖い")]
    public void Eating_and_purging_is_health(string text) =>
        Assert.Contains(SupportCategory.Health, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("食べたあと眠くなる")]
    [InlineData("給食たべたあと昼休みにサッカーした")]
    public void Eating_alone_is_not_health(string text) =>
        Assert.DoesNotContain(SupportCategory.Health, Engine.Understand(text).Categories);

    [Fact]
    public void A_goodbye_quoted_is_not_whom_one_loves() =>
        Assert.DoesNotContain(Engine.Understand("「またね、ばいばい」って送ってきた").Cues, c => c.Id == "sexual-orientation");

    [Fact]
    public void Bisexual_said_plainly_is_still_read() =>
        Assert.Contains(Engine.Understand("わたしバイなんです").Cues, c => c.Id == "sexual-orientation");
}
