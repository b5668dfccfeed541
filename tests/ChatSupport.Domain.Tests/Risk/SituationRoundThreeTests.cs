using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round three of issue #12: classes of danger that rounds one and two missed, and false alarms fixed at the
/// matcher, each tested in both directions. Every message here was written for these tests.
/// </summary>
public class SituationRoundThreeTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("あしたいっしょに図書館いこ")]
    [InlineData("いっしょうけんめい走った笑")]
    [InlineData("イッショに写真とろ")]
    [InlineData("ｲｯｼｮにかえろー")]
    public void ASmallTsuDroppedInsideAWord_DoesNotMakeAnotherWord(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.Medium, text);

    [Theory]
    [InlineData("いしょかいた")]
    [InlineData("遺書を書いた")]
    public void TheWordWithoutTheSmallTsu_StillCounts(string text) =>
        Assert.Equal(RiskLevel.Critical, Engine.Assess(text).Level);

    [Fact]
    public void ATermWrittenWithASmallTsu_MatchesTextWithIt()
    {
        var normalized = new NormalizedText();
        JapaneseNormalizer.Normalize("まっくら", normalized);
        Assert.Equal("まくら", new string(normalized.Chars, 0, normalized.Length));
        Assert.Equal(1UL, normalized.TsuInside(0, normalized.Length));
        JapaneseNormalizer.Normalize("まくら", normalized);
        Assert.Equal(0UL, normalized.TsuInside(0, normalized.Length));
    }
}
