using ChatSupport.BotKit.Text;

namespace ChatSupport.Dialogs.Tests;

public class TextTests
{
    [Theory]
    [InlineData("ヘルプ！", "へるぷ")]
    [InlineData("ﾍﾙﾌﾟ", "へるぷ")]
    [InlineData("「最初 から」", "最初から")]
    [InlineData("  Talk to a  PERSON!! ", "talk to a person")]
    [InlineData("ＨＥＬＰ", "help")]
    [InlineData("やめる🙏", "やめる")]
    [InlineData("オッケー", "おっけー")]
    [InlineData("", "")]
    public void Normalize_FoldsWidthKanaCaseAndSeparators(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Segments_SplitAtPunctuationAndSpaces() =>
        Assert.Equal(["はい", "お願いします", "ok"], TextNormalizer.Segments("ハイ、お願いします！ OK"));

    [Theory]
    [InlineData("17", 17)]
    [InlineData("１７歳", 17)]
    [InlineData("十七", 17)]
    [InlineData("二十歳", 20)]
    [InlineData("百二十三", 123)]
    [InlineData("二〇二五年", 2025)]
    [InlineData("1,200円", 1200)]
    [InlineData("-3", -3)]
    public void NumberRecognizer_FindsTheFirstNumber(string text, int expected) =>
        Assert.Equal(expected, NumberRecognizer.RecognizeFirst(text));

    [Fact]
    public void NumberRecognizer_NoNumber_IsNull() => Assert.Null(NumberRecognizer.RecognizeFirst("ひみつ"));
}
