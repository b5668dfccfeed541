using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// A dampener takes away the categories it names: a game loss told as 「ボコボコにされた」 is neither high nor abuse,
/// so the bot does not answer a teenager's game story with the child-abuse line. Real violence keeps both.
/// Every message here was written for these tests.
/// </summary>
public class DampenerCategoryTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("ランクマでボコボコにされたｗｗもう無理")]
    [InlineData("スマブラで兄にボコボコにされたｗ")]
    [InlineData("マリカで父にフルボッコにされた笑")]
    public void A_game_loss_is_not_abuse(string text)
    {
        var assessment = Engine.Assess(text);
        Assert.True(assessment.Level <= RiskLevel.Low, text);
        Assert.DoesNotContain(SupportCategory.Abuse, assessment.Categories);
        Assert.DoesNotContain(SupportCategory.Family, assessment.Categories);
    }

    [Theory]
    [InlineData("兄にボコボコにされた")]
    [InlineData("ゲームで負けたら父に殴られた")]
    [InlineData("試合のあと先輩にボコボコにされて、あざができた")]
    [InlineData("ゲームやってたら父にボコボコにされる。毎回こわい")]
    public void Violence_beside_a_game_stays_violence(string text)
    {
        var assessment = Engine.Assess(text);
        Assert.True(assessment.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.Abuse, assessment.Categories);
    }
}
