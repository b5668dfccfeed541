using ChatSupport.BotKit.Text;
using ChatSupport.Domain.Handoff;
using ChatSupport.Domain.Support;
using ChatSupport.Domain.Triage;

namespace ChatSupport.Domain.Tests.Text;

/// <summary>What a person types is compared through one normalizer, so a word works the same everywhere.</summary>
public sealed class OneNormalizerTests
{
    [Theory]
    [InlineData("キャンセル")]
    [InlineData("ｷｬﾝｾﾙ")]
    [InlineData("きゃんせる")]
    [InlineData(" キャンセル！")]
    [InlineData("「キャンセル」")]
    public void Every_spelling_of_cancel_stops_the_wait(string text) =>
        Assert.True(HandoffTexts.LoadDefault().IsCancel(text));

    [Theory]
    [InlineData("キャンセルしたくない")]
    [InlineData("")]
    [InlineData("学校をやめたい")]
    public void Only_the_whole_message_cancels(string text) =>
        Assert.False(HandoffTexts.LoadDefault().IsCancel(text));

    [Theory]
    [InlineData("１７歳", 17)]
    [InlineData("中３です！", 14)]
    public void Ages_are_read_through_the_same_normalizer(string text, int age)
    {
        Assert.True(JapaneseAnswers.TryParseAge(text, out var answer));
        Assert.True(answer.Age == age || answer.Band == AgeBands.FromAge(age));
    }

    [Theory]
    [InlineData("ＡＩを使わないで")]
    [InlineData("AI使わないで！")]
    [InlineData("don't use AI")]
    public void The_ai_opt_out_is_read_through_the_same_normalizer(string text) =>
        Assert.True(TriageOptOut.IsOptOutRequest(text));

    [Fact]
    public void Same_compares_width_kana_case_and_marks() =>
        Assert.True(TextNormalizer.Same("ｷｬﾝｾﾙ", "キャンセル。"));
}
