using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>Misses found by reading the engine's output on new phrasings; each must keep its level from now on.</summary>
public sealed class LexiconRegressionTests
{
    [Theory]
    [InlineData("これから海に飛び込む", RiskLevel.Critical)]
    [InlineData("川に飛び込もうかな", RiskLevel.Critical)] // a method at a named place: the situation rule place-high-danger makes it critical
    [InlineData("腕切っちゃった", RiskLevel.High)]
    [InlineData("ご飯2日食べてない", RiskLevel.Medium)]
    [InlineData("誰も私のこと必要としてない", RiskLevel.Medium)]
    [InlineData("去年プールに飛び込んだ", RiskLevel.None)]
    [InlineData("ケーキ切っちゃった", RiskLevel.None)]
    public void A_phrase_keeps_its_level(string text, RiskLevel expected) =>
        Assert.Equal(expected, RiskEngine.CreateDefault().Assess(text).Level);
}
