using ChatSupport.Domain.Support;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>Round 8 (lead): a share written with % is not an age; a stranger's approach and a dying phone are read.</summary>
public sealed class UnderstandingLeadEightTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("スマホの充電あと30%")]
    [InlineData("テストの正答率20％だった")]
    [InlineData("成功するの25パーくらいらしい")]
    public void A_number_followed_by_percent_is_not_an_age(string text) => Assert.Null(Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("17歳、充電あと20%", AgeBand.HighSchool)]
    [InlineData("バッテリー10%しかない。22です", AgeBand.YoungAdult)]
    public void An_age_beside_a_percent_is_still_read(string text, AgeBand expected) => Assert.Equal(expected, Engine.Understand(text).AgeBand);

    [Theory]
    [InlineData("さっき知らない人に声かけられた", "stranger-approach")]
    [InlineData("知らんおっさんが家泊めてあげるって", "stranger-approach")]
    [InlineData("携帯の電池切れそう", "battery-low")]
    [InlineData("充電もうもたない", "battery-low")]
    public void The_situation_is_named_by_its_cue(string text, string cue) => Assert.Contains(Engine.Understand(text).Cues, c => c.Id == cue);

    [Theory]
    [InlineData("友だちに声かけられて一緒に帰った")]
    [InlineData("充電器を忘れた")]
    [InlineData("知らない人とゲームで協力した")]
    public void Ordinary_sentences_name_neither(string text) =>
        Assert.DoesNotContain(Engine.Understand(text).Cues, c => c.Id is "stranger-approach" or "battery-low");
}
