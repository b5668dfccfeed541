using System.Runtime.CompilerServices;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Short kana terms match only where a word can begin (and, in katakana, as a whole word), and
/// everyday.txt — over 300 ordinary words and sentences, many hiding risk kana — never raises anything.
/// </summary>
public class WordBoundaryTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("思うと楽しみ")]
    [InlineData("弟とゲームした")]
    [InlineData("あたしのうち来る？")]
    [InlineData("ライブ最高だった")]
    [InlineData("カッターで段ボール切った")]
    [InlineData("むかしね、ここに駄菓子屋あった")]
    public void AShortKanaTermInsideAnotherWord_DoesNotMatch(string text)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.None, result.Level);
        Assert.Empty(result.Matches);
    }

    [Theory]
    [InlineData("学校いきたくない")]
    [InlineData("歯医者いきたくない")]
    [InlineData("バイトいきたくねー")]
    public void GoingSomewhere_IsNotNotWantingToLive(string text)
    {
        var result = Engine.Assess(text);

        Assert.DoesNotContain(SupportCategory.Suicidal, result.Categories);
        Assert.True(result.Level <= RiskLevel.Medium, text);
    }

    [Theory]
    [InlineData("ｼﾇ ｺﾚｶﾗ", RiskLevel.Critical)]
    [InlineData("いまおかあさんにたたかれてる", RiskLevel.Critical)]
    [InlineData("もうしのうかな", RiskLevel.High)]
    [InlineData("生きたくない", RiskLevel.High)]
    [InlineData("イブ20錠のんだ", RiskLevel.Critical)]
    public void TheSameKanaAsAWord_StillMatches(string text, RiskLevel atLeast) =>
        Assert.True(Engine.Assess(text).Level >= atLeast, text);

    [Fact]
    public void EverydayCorpus_NeverRaisesAbovelow()
    {
        var lines = File.ReadLines(CorpusPath()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(lines.Count >= 300, $"the corpus has {lines.Count} lines");

        var raised = lines
            .Select(l => (Text: l, Result: Engine.Assess(l)))
            .Where(x => x.Result.Level > RiskLevel.Low)
            .Select(x => $"{x.Text} → {x.Result.Level.ToWire()} ({string.Join(",", x.Result.Rules.Concat(x.Result.Matches.Select(m => m.EntryId)))})")
            .ToList();
        Assert.True(raised.Count == 0, string.Join('\n', raised));
    }

    private static string CorpusPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "everyday.txt");
}
