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

    [Fact]
    public void ATermWithASmallTsu_DoesNotMatchTextWithoutIt()
    {
        // 負けて must not read as け(っ)て (蹴って): the matcher compares where small っ were dropped, both ways.
        Assert.Contains("plain_hit", Engine.Assess("兄がけってきた").CueClasses);
        Assert.DoesNotContain("plain_hit", Engine.Assess("兄にまけてくやしい").CueClasses);
        Assert.DoesNotContain("plain_hit", Engine.Assess("たすけてほしい").CueClasses);
    }

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

    [Theory]
    [InlineData("彼氏が包丁にぎって怒鳴りまくってる", "armed-and-raging")]
    [InlineData("姉がハサミ持って追いかけてくる、こわい", "armed-and-raging")]
    [InlineData("おとんが金づち振り回しよる", "armed-and-raging")]
    [InlineData("my brother is holding a knife and screaming", "armed-and-raging")]
    [InlineData("夜の踏切で、貨物列車が来るのを待っとる", "rail-train-coming")]
    [InlineData("遮断機の内側にいる。電車の音が近い", "rail-train-coming")]
    [InlineData("🪢 夜中になったら", "means-with-time")]
    [InlineData("縄は用意してある、今夜にする", "means-with-time")]
    [InlineData("ima kara tobioriru", "jump-romaji-time")]
    [InlineData("インスタで知り合った人の車に乗ってる、どこかわからん", "stranger-vehicle")]
    [InlineData("知らない男の車に乗せられた、降ろしてくれない", "stranger-vehicle")]
    public void ASituationWithoutADeathWord_IsCritical(string text, string rule)
    {
        var result = Engine.Assess(text);

        Assert.Equal(RiskLevel.Critical, result.Level);
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("お父さんが包丁にぎって魚さばいてる")]
    [InlineData("弟がバット持って素振りしてる、うるさい")]
    [InlineData("部長が竹刀持って練習してる")]
    [InlineData("踏切で電車が来るの待ってたら遅刻した")]
    [InlineData("駅で次の電車が来るの待ってる、あと3分")]
    [InlineData("線路のそばを散歩、電車の音っていいな")]
    [InlineData("撮り鉄の友達と踏切で特急が来るの待ってる")]
    [InlineData("きょう体育でロープ登りやった、腕パンパン")]
    [InlineData("縄跳び大会は今日の午後！")]
    [InlineData("今夜キャンプ場でロープ張ってタープ立てる")]
    [InlineData("ロープの結び方、今日習った")]
    [InlineData("ima kara gakkou ni iku")]
    [InlineData("kyou gakkou tobu, ima kara karaoke")]
    [InlineData("おばあちゃんの車に乗ってる、いまから買い物")]
    [InlineData("バイト先の先輩の車に乗せてもらって帰った")]
    public void TheOrdinaryLookAlike_StaysBelowHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("shinitai. ima kara")]
    [InlineData("kyou shinu kimeta")]
    [InlineData("i'm going to die tonight")]
    public void RomajiOrEnglishIdeationWithNow_IsCritical(string text) =>
        Assert.Equal(RiskLevel.Critical, Engine.Assess(text).Level);

    [Theory]
    [InlineData("うちなんかおらん方がみんな楽なんよ")]
    [InlineData("わたしがいなくなっても誰も気づかんと思う")]
    [InlineData("生まれてこなければよかった")]
    public void BetterOffGone_IsHigh(string text)
    {
        var result = Engine.Assess(text);

        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.Suicidal, result.Categories);
    }

    [Theory]
    [InlineData("先輩がいないほうが部活は楽しい")]
    [InlineData("この服はない方がいいかな")]
    public void AnAbsenceThatIsNotTheWriters_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("ネットで知り合った人が車で迎えに行くって言ってる")]
    [InlineData("ゲームの人が迎えに行こうかって、泊まっていいって")]
    public void APickUpOfferedBySomeoneMetOnline_IsGrooming(string text)
    {
        var result = Engine.Assess(text);

        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains("grooming", result.Situations);
    }

    [Theory]
    [InlineData("兄とスマブラしてボコボコにされたｗ")]
    [InlineData("母とぷよぷよ対戦してボコられた笑")]
    [InlineData("ランク戦でフルボッコ、もうやめる")]
    [InlineData("姉とテトリスして負けてボコボコにされた笑")]
    public void BeatenInAGame_IsNotViolence(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.Medium, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("ゲームに負けると兄にボコボコに殴られる")]
    [InlineData("試合のあと先輩にボコボコにされて顔が腫れてる")]
    [InlineData("家で毎日ボコボコにされてる")]
    public void BeatenForReal_StaysHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("父に殴られたことはないよ")]
    [InlineData("母に蹴られたりはしてない、口が悪いだけ")]
    [InlineData("先輩に叩かれてはないけど、きつい")]
    [InlineData("体をさわられたことは一度もない")]
    public void ANegatedAct_IsNotHigh(string text) =>
        Assert.True(Engine.Assess(text).Level < RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");

    [Theory]
    [InlineData("父に殴られてる、止めてくれる人がいない")]
    [InlineData("母に叩かれるのがやめられてない、毎日")]
    [InlineData("殴られたことはないって言ったけど嘘、毎日蹴られてる")]
    public void AnActThatIsNotNegated_StaysHigh(string text) =>
        Assert.True(Engine.Assess(text).Level >= RiskLevel.High, $"{text}: {Engine.Assess(text).Level}");
}
