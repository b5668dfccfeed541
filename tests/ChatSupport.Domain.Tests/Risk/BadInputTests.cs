using System.Text;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class BadInputTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Fact]
    public void EmptyText_IsNone()
    {
        var result = Engine.Assess(string.Empty);

        Assert.Equal(RiskLevel.None, result.Level);
        Assert.Empty(result.Matches);
        Assert.Empty(result.Categories);
    }

    [Theory]
    [InlineData("\ud800")]
    [InlineData("\udc00死にたい\ud800")]
    [InlineData("し\ud800に\udc00た\ud83dい")]
    public void LoneSurrogates_AreSkipped(string text)
    {
        var result = Engine.Assess(text);

        Assert.True(text.Contains('死') || text.Contains('し') ? result.Level >= RiskLevel.High : result.Level == RiskLevel.None);
        foreach (var m in result.Matches)
        {
            Assert.InRange(m.Start + m.Length, 1, text.Length);
        }
    }

    [Fact]
    public void ControlCharacters_AreSkippedLikeSpaces()
    {
        var result = Engine.Assess("\0し\u0007に\u001bた\u007fい\u0000");

        Assert.Equal(RiskLevel.High, result.Level);
    }

    [Theory]
    [InlineData("😭😭😭🙏✨")]
    [InlineData("👍")]
    [InlineData("🏳️‍🌈🏳️‍🌈")]
    public void OnlyHarmlessEmoji_IsNone(string text) =>
        Assert.Equal(RiskLevel.None, Engine.Assess(text).Level);

    [Fact]
    public void OnlyMeansEmoji_DoesNotThrowAndMapsToTheWholeText()
    {
        var result = Engine.Assess("🔪🩸🩸");

        foreach (var m in result.Matches)
        {
            Assert.True(m.Start >= 0 && m.Start + m.Length <= 6);
        }
    }

    // How long these take is measured in tests/ChatSupport.Benchmarks (LargeMessageBenchmarks), not asserted here:
    // a wall-clock limit in a unit test fails on a loaded machine for no fault of the code.
    [Fact]
    public void OneMegabyteMessage_IsScannedWhole()
    {
        var large = BuildText(1024 * 1024);

        var result = Engine.Assess(large);

        Assert.True(result.Level >= RiskLevel.High);
        Assert.NotEmpty(result.Matches);
        Assert.All(result.Matches, m => Assert.True(m.Start >= 0 && m.Start + m.Length <= large.Length));
    }

    [Fact]
    public void OneMegabyteOfRepeatedSignals_IsCritical()
    {
        var text = string.Concat(Enumerable.Repeat("死にたい死ぬほど前に今", 1024 * 1024 / 11));

        Assert.Equal(RiskLevel.Critical, Engine.Assess(text).Level);
    }

    private static string BuildText(int length)
    {
        string[] parts = ["きょうは部活でつかれた。", "ｗｗｗ", "明日テストやばい、", "😭", "し に た い", "\u200b", "ABC def "];
        var sb = new StringBuilder(length + 32);
        var i = 0;
        while (sb.Length < length)
        {
            sb.Append(parts[i++ % parts.Length]);
        }

        return sb.ToString(0, length);
    }
}
