using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class JapaneseNormalizerTests
{
    [Theory]
    [InlineData("死にたい", "死にたい")]
    [InlineData("シニタイ", "しにたい")]
    [InlineData("ｼﾆﾀｲ", "しにたい")]
    [InlineData("しにたーい", "しにたい")]
    [InlineData("しにたぁぁぁい", "しにたい")]
    [InlineData("ずっとおらん", "ずとおらん")] // the お after と is a word of its own, not a stretched vowel (っ folds as always)
    [InlineData("はよおいで", "はよおいで")]
    [InlineData("し に た い", "しにたい")]
    [InlineData("し.に.た.い", "しにたい")]
    [InlineData("し\u200bに\u200dた\u200bい", "しにたい")]
    [InlineData("タヒにたい", "死にたい")]
    [InlineData("ﾀﾋにたい", "死にたい")]
    [InlineData("氏ね", "死ね")]
    [InlineData("4ね", "死ね")]
    [InlineData("4にたい", "死にたい")]
    [InlineData("ＯＤ", "od")]
    [InlineData("ｶﾞｯｺｳ", "がこう")]
    [InlineData("ｗｗｗｗ", "w")]
    [InlineData("ママ", "まま")]
    [InlineData("💊", "薬")]
    [InlineData("🪢", "ろぷ")]
    public void Normalize_FoldsSpellingGames(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("彼氏ね、優しいの", "彼氏ね")]
    [InlineData("4人で行く", "4人")]
    [InlineData("タヒチに行きたい", "たひち")]
    public void Normalize_KeepsLookAlikesThatAreNotObfuscations(string input, string expectedPrefix) =>
        Assert.StartsWith(expectedPrefix, JapaneseNormalizer.NormalizeToString(input), StringComparison.Ordinal);

    [Theory]
    [InlineData("なった、ありがとう", "なたありがとう")]
    [InlineData("そうか あいつか", "そうかあいつか")]
    [InlineData("まじか…あした休む", "まじかあした休む")]
    [InlineData("つかれた😢あー", "つかれたあ")]
    public void Normalize_AVowelAfterPunctuationStartsAWord(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("しにたぁぁい", "しにたい")]
    [InlineData("さみしぃぃ", "さみし")]
    public void Normalize_StretchesWithinAWordStillFold(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("またあの", "またあの")] // あ before a consonant kana begins a word (round 8: it had read as またの)
    [InlineData("いるうちに", "いるうちに")]
    [InlineData("ゆうき", "ゆうき")]
    [InlineData("切ったあと", "切たあと")] // the old fold read 切ったとこ as 切ったあと (the term of a scar)
    public void Normalize_AFullSizeVowelBeforeAConsonantKanaStartsAWord(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("しにたあい", "しにたい")] // before another vowel: a stretch
    [InlineData("いやだあ", "いやだ")] // at the end: a stretch
    [InlineData("死にてえよ", "死にてよ")] // before a sentence-final particle: a stretch
    [InlineData("つらああ", "つら")]
    public void Normalize_AFullSizeVowelBeforeAVowelAParticleOrTheEndStillFolds(string input, string expected) =>
        Assert.Equal(expected, JapaneseNormalizer.NormalizeToString(input));

    [Theory]
    [InlineData("しょっちゅうだった", "しょっちゅう")]
    [InlineData("きゅうに", "きゅう")]
    public void Normalize_ALongVowelAfterASmallYKanaFoldsAsItsOwnWord(string text, string word) =>
        Assert.StartsWith(JapaneseNormalizer.NormalizeToString(word), JapaneseNormalizer.NormalizeToString(text), StringComparison.Ordinal);

    [Fact]
    public void Normalize_SentenceEndBecomesOneClauseBreak()
    {
        var normalized = JapaneseNormalizer.NormalizeToString("つらい。。。消えたい！");
        Assert.Equal($"つらい{JapaneseNormalizer.ClauseBreak}消えたい{JapaneseNormalizer.ClauseBreak}", normalized);
    }

    [Fact]
    public void Normalize_MapsEveryOutputCharacterBackToTheOriginal()
    {
        var text = new NormalizedText();
        const string original = "ｼ ﾆ ﾀ ｰ ｲ";
        JapaneseNormalizer.Normalize(original, text);

        Assert.Equal("しにたい", new string(text.Chars, 0, text.Length));
        Assert.Equal(0, text.Starts[0]);
        Assert.Equal(2, text.Starts[1]);
        Assert.Equal(4, text.Starts[2]);
        Assert.Equal(7, text.Ends[2]); // た absorbs the long-vowel mark after it
        Assert.Equal(8, text.Starts[3]);
        Assert.Equal(9, text.Ends[3]);
    }

    [Fact]
    public void Normalize_ComposesHalfWidthVoicingMarks()
    {
        var text = new NormalizedText();
        JapaneseNormalizer.Normalize("ﾀﾞﾒ", text);

        Assert.Equal("だめ", new string(text.Chars, 0, text.Length));
        Assert.Equal(0, text.Starts[0]);
        Assert.Equal(2, text.Ends[0]);
    }
}
