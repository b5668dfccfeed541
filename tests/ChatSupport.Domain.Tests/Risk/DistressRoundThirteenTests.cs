using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Serious distress and risk factors read as medium (Lexicon/distress13.yaml, docs/risk.md "Round 13"): never a crisis
/// level, and everyday look-alikes stay below medium. Our own words.
/// </summary>
public class DistressRoundThirteenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("もう半年、自分の部屋から出られない")]
    [InlineData("ここ3ヶ月、誰とも話してない")]
    [InlineData("なにもする気が起きない。ずっと横になってる")]
    [InlineData("朝になっても布団から出れない")]
    [InlineData("毎晩、涙が止まらない")]
    [InlineData("自分には価値があると思えない")]
    [InlineData("リボの請求がきて、もう返せない")]
    [InlineData("スロで負けを取り返そうとしてまた借りた")]
    [InlineData("今月は米と塩だけで過ごしてる")]
    [InlineData("店長からいつも怒鳴られる")]
    [InlineData("残業が月100時間を超えてる")]
    [InlineData("3日寝てない、頭がまわらない")]
    [InlineData("眠れないし、何も食べられない")]
    [InlineData("うち、家さ居場所ね")]
    public void Serious_distress_is_medium_and_no_more(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level == RiskLevel.Medium, $"{text}: {result.Level}");
    }

    [Theory]
    [InlineData("テスト前なのにやる気でない〜")]
    [InlineData("在宅の日は、だれとも喋らない日もある")]
    [InlineData("映画で泣いて涙止まらんかった")]
    [InlineData("みじん切りしてたら涙が出てきた")]
    [InlineData("新作ゲームの発売日まで家から出てない笑")]
    public void Everyday_look_alikes_stay_below_medium(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.Medium, $"{text}: {result.Level}");
    }
}
