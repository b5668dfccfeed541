using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 11 (medium distress, Lexicon/round11.yaml): distress that the rubric puts at medium and that earlier rounds read as
/// none or low, and the Tohoku passive death wish (high). Both directions, in sentences of our own, not taken from any set.
/// </summary>
public class RoundElevenTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("ここ3週間くらい毎晩ふとんで泣いてしまう")]
    [InlineData("夜になると毎回泣けてくる。理由はない")]
    [InlineData("2週間くらいほとんど寝れとらん")]
    [InlineData("夜中の2時に目が覚めてそのまま朝まで眠れん日が続いとる")]
    [InlineData("うちなんか誰にも必要とされとらんけん")]
    [InlineData("クラスで空気みたいな存在やし")]
    [InlineData("感情がなくなってロボットみたいに毎日こなしとるだけ")]
    [InlineData("自分の体が大嫌いで、鏡見るたび泣きたくなる")]
    [InlineData("太るのが怖くて食べたら指つっこんで吐いとる")]
    [InlineData("生理が3週間こないけど誰にも相談できん")]
    [InlineData("お年玉も稼いだお金も母親に取られて手元に何も残らん")]
    [InlineData("うちは1日1食しか食べられん")]
    [InlineData("部費払えなくて部活やめた")]
    [InlineData("利子つけて返せって言われて借りた額の倍になってる")]
    [InlineData("母さんのカードで勝手に課金して5万いった。バレたらやばい")]
    [InlineData("うちは宗教2世で集会に毎週無理やり連れていかれる")]
    [InlineData("テストの点のことで毎日親に責められる")]
    [InlineData("高校卒業したら施設を出ないかん。頼れる人がおらん")]
    [InlineData("毎朝妹を保育園に送ってから行くから毎日遅刻する")]
    [InlineData("兄が部屋にこもって2年たつ。家の空気が重い")]
    [InlineData("学校行かなくなって半年たった")]
    [InlineData("自分が男として扱われるのがずっと苦痛")]
    [InlineData("父が仕事なくなってから家の空気が最悪")]
    public void Medium_distress_is_medium(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level == RiskLevel.Medium, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("もうこのまま起ぎねばいいのにって毎日思う")]
    [InlineData("わ、消えでしまいてぇ")]
    [InlineData("目ぇ覚めねばいいのに")]
    public void The_Tohoku_passive_wish_is_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("映画見て毎回泣いてる、感動しすぎ")]
    [InlineData("推しのライブ最高すぎて毎日泣いてる")]
    [InlineData("ゲームが楽しすぎて毎晩寝れないｗ")]
    [InlineData("コーヒー飲みすぎてずっと寝れん")]
    [InlineData("中学の頃は毎晩泣いてたけど今は平気")]
    [InlineData("新しいゲーム買いたいけどお金ない")]
    [InlineData("ダイエットで1日1食にしてる")]
    [InlineData("飲みすぎて昨日吐いた")]
    [InlineData("コロナの検査で陽性だった")]
    [InlineData("妊娠した！めっちゃ嬉しい、夫と報告します")]
    [InlineData("図書館で借りた本がまだ返せてない")]
    [InlineData("親のカードで課金していいって言われた")]
    [InlineData("宗教の授業でキリスト教について調べた")]
    [InlineData("空気みたいに軽いダウンジャケット")]
    [InlineData("介護の仕事に興味がある")]
    [InlineData("母の日に家事全部やってあげた")]
    [InlineData("施設見学に行ってきた")]
    [InlineData("いつも兄と比べられるのがいやだ")]
    [InlineData("引っ越して3か月、話す人があんまりおらん")]
    public void Everyday_lines_are_not_raised(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level <= RiskLevel.Low, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }
}
