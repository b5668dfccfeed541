using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class RiskEngineTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("死にたい")]
    [InlineData("しにたい")]
    [InlineData("ｼﾆﾀｲ")]
    [InlineData("死にてぇ")]
    [InlineData("タヒにたい")]
    [InlineData("氏にたい")]
    [InlineData("4にたい")]
    [InlineData("し に た い")]
    [InlineData("死にたい……")]
    [InlineData("shinitai")]
    [InlineData("もう消えたい")]
    [InlineData("リスカやめられない")]
    [InlineData("親に殴られる")]
    [InlineData("今夜泊まるところがない")]
    public void SpellingGames_DoNotHideASignal(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, text);

    [Theory]
    [InlineData("今から飛び降りる")]
    [InlineData("薬を全部飲んだ")]
    [InlineData("遺書を書いた")]
    [InlineData("ロープを用意した")]
    [InlineData("今お父さんに殴られてる")]
    [InlineData("屋上にいる")]
    [InlineData("💊💊 ぜんぶいった")]
    public void RubricCriticalExamples_AreCritical(string text) =>
        Assert.Equal(RiskLevel.Critical, Engine.Assess(text).Level);

    [Theory]
    [InlineData("こんにちは")]
    [InlineData("相談ってどうやるの？")]
    [InlineData("死ぬほど笑った")]
    [InlineData("課題が多すぎて死ぬｗ")]
    [InlineData("死ぬほど眠い")]
    [InlineData("恥ずか死ぬ")]
    [InlineData("今までの相談履歴って見られますか")]
    public void HyperboleAndGreetings_AreNone(string text) =>
        Assert.Equal(RiskLevel.None, Engine.Assess(text).Level);

    [Fact]
    public void Hyperbole_IsReportedAsTheRuleThatCancelledTheSignal()
    {
        var result = Engine.Assess("死ぬほど眠い");

        Assert.Contains(RiskRuleIds.Hyperbole, result.Rules);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public void Joke_LowersOnlyAmbiguousSignals()
    {
        var joke = Engine.Assess("部活きつくてしぬｗ");
        var notAJoke = Engine.Assess("課題おわらん死にたいｗｗｗ");

        Assert.Equal(RiskLevel.None, joke.Level);
        Assert.Contains(RiskRuleIds.Joke, joke.Rules);
        Assert.Equal(RiskLevel.High, notAJoke.Level);
    }

    [Fact]
    public void Negation_LowersToLowNotNone()
    {
        var result = Engine.Assess("もう死にたいとは思ってない");

        Assert.Equal(RiskLevel.Low, result.Level);
        Assert.Contains(RiskRuleIds.Negation, result.Rules);
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
    }

    [Fact]
    public void Negation_DoesNotReachAnotherSignal() =>
        Assert.Equal(RiskLevel.High, Engine.Assess("死にたくないけど消えたい").Level);

    [Fact]
    public void PastAttempt_IsAMediumRiskFactor()
    {
        var result = Engine.Assess("前にODしたことがある");

        Assert.Equal(RiskLevel.Medium, result.Level);
        Assert.Contains(RiskRuleIds.PastTense, result.Rules);
    }

    [Fact]
    public void PastAttempt_ThatIsBackAgain_KeepsItsLevel()
    {
        var result = Engine.Assess("昔ODしたことあって、最近またやりたくなってる");

        Assert.True(result.Level >= RiskLevel.High);
        Assert.Contains(RiskRuleIds.Recurrence, result.Rules);
    }

    [Fact]
    public void ThirdPerson_KeepsTheDescribedPersonsLevelAndAddsOtherPerson()
    {
        var result = Engine.Assess("友達がリスカしてる");

        Assert.Equal(RiskLevel.High, result.Level);
        Assert.Contains(SupportCategory.OtherPerson, result.Categories);
        Assert.Contains(SupportCategory.SelfHarm, result.Categories);
        Assert.Contains(RiskRuleIds.ThirdPerson, result.Rules);
    }

    [Theory]
    [InlineData("死にたい", RiskLevel.High)]
    [InlineData("今から死ぬ", RiskLevel.Critical)]
    [InlineData("これから死ぬ", RiskLevel.Critical)]
    [InlineData("いま殴られてる", RiskLevel.Critical)]
    [InlineData("今夜ロープで首吊る", RiskLevel.Critical)]
    public void TimeWords_RaiseHighToCritical(string text, RiskLevel expected) =>
        Assert.Equal(expected, Engine.Assess(text).Level);

    [Theory]
    [InlineData("今月ずっと死にたい")]
    [InlineData("今年に入ってから死にたい")]
    [InlineData("今更だけど死にたい")]
    public void TimeWordInsideAnOrdinaryWord_DoesNotRaise(string text)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.High, result.Level);
        Assert.DoesNotContain(RiskRuleIds.TimeWord, result.Rules);
    }

    [Fact]
    public void Matches_PointIntoTheOriginalText()
    {
        const string text = "ほんとに し に た ー い";
        var result = Engine.Assess(text);

        var match = Assert.Single(result.Matches, m => m.EntryId == "suicidal-wish");
        Assert.Equal("し に た ー い", text.Substring(match.Start, match.Length));
        Assert.Equal(SupportCategory.Suicidal, match.Category);
    }

    [Fact]
    public void EmojiMatch_CoversTheWholeSurrogatePair()
    {
        const string text = "🪢買った";
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        var match = Assert.Single(result.Matches, m => m.Level == RiskLevel.Critical);
        Assert.Equal(0, match.Start);
        Assert.StartsWith("🪢買", text.Substring(match.Start, match.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_RecordsTheLexiconVersion()
    {
        var result = Engine.Assess("こんにちは");

        Assert.False(string.IsNullOrWhiteSpace(result.LexiconVersion));
        Assert.Equal(Engine.Lexicon.Version, result.LexiconVersion);
    }

    [Fact]
    public void Categories_AreTheUnionOfCountedMatches()
    {
        var result = Engine.Assess("家賃払えなくて、親に追い出された");

        Assert.Contains(SupportCategory.Poverty, result.Categories);
        Assert.Contains(SupportCategory.Housing, result.Categories);
        Assert.Contains(SupportCategory.Family, result.Categories);
    }

    [Fact]
    public void Scan_AfterWarmUp_AllocatesNothing()
    {
        var scanner = Engine.CreateScanner();
        const string message = "今日も学校で無視されてつらい。もう消えたい、死にたいって思う夜がある。💊ためてる";
        for (var i = 0; i < 10; i++)
        {
            scanner.Scan(message);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        RiskScanResult result = default;
        for (var i = 0; i < 100; i++)
        {
            result = scanner.Scan(message);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Engine_IsSafeToShareAcrossThreads()
    {
        string[] texts = ["死にたい", "こんにちは", "今から飛び降りる", "部活しんどい"];
        var expected = texts.Select(t => Engine.Assess(t).Level).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var k = i % texts.Length;
            Assert.Equal(expected[k], Engine.Assess(texts[k]).Level);
        });
    }
}

public class RiskAssessmentSituationsTests
{
    [Fact]
    public void Situations_AreEmptyForAGreeting_AndSurviveJson()
    {
        var result = RiskEngine.CreateDefault().Assess("こんにちは");
        Assert.Empty(result.Situations);

        var copy = System.Text.Json.JsonSerializer.Deserialize<RiskAssessment>(
            System.Text.Json.JsonSerializer.Serialize(result with { Situations = ["place_of_danger"] }));
        Assert.Equal(["place_of_danger"], copy!.Situations);
    }
}
