using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-16 classes (Lexicon/lead16.yaml, docs/risk.md "Round 16"): kinds of situation the apart19 writer
/// showed missing or raised wrongly, and four the lead found in replays, written here in other words than the set's,
/// both ways. Read by the lexicon alone (no learned backstop), so each case tests a class and not the model.
/// </summary>
public class LeadRoundSixteenTests
{
    private static readonly RiskEngine Lexicon = new(RiskLexicon.LoadEmbedded());

    [Theory]
    [InlineData("おやじが今暴れよって、妹ば叩きよる", "parent-rampaging-hitting-now")]
    [InlineData("ロキソニンいっぱい酒と一緒にのんじゃった", "painkillers-with-alcohol-many")]
    [InlineData("いま切っとる、なんかとまらん", "cutting-now-cannot-stop")]
    [InlineData("線路の横おる、次の電車まであと5分", "crossing-countdown-to-train")]
    [InlineData("ビルの屋上、柵の外さ出だ", "beyond-the-fence-at-height")]
    [InlineData("もうだめだ。海さ行ぐ。へばな", "to-the-water-with-goodbye-tohoku")]
    [InlineData("夜の海にいる。このまま歩いて入ってく", "walking-on-into-the-water")]
    [InlineData("今日をもって人生から降りさせていただきます。お世話になりました", "retiring-from-life")]
    [InlineData("手元の薬で足りる量を調べた。ちょうど足りる", "enough-dose-worked-out")]
    [InlineData("最後にもう一回ばあちゃんに会いたかった。行く場所はもう決めてある", "destination-decided-last-wish")]
    [InlineData("もう決めたけん。週末、あの陸橋から", "decided-from-that-height")]
    public void A_situation_of_danger_now_is_critical(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level == RiskLevel.Critical, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("おとっつぁんにまたくらさるっ。顔ば腫れとる", "struck-by-parent-in-dialect")]
    [InlineData("かっちゃに毎晩はだがれでる", "struck-by-parent-in-dialect")]
    [InlineData("自分の手首かんじゃう、やめられん", "self-biting-compulsive")]
    [InlineData("腕に線ひくと楽になる", "wrist-lines-calming")]
    [InlineData("トラックにはねられんかなって毎朝思う", "hit-by-vehicle-wish")]
    [InlineData("男だけど男の先輩にやられた。誰にも言えん", "young-man-assaulted-untold")]
    [InlineData("男やのにバイト先の男の人に触られた、笑われたらと思うと話せん", "young-man-assaulted-untold")]
    [InlineData("彼氏がスマホ投げてきて顔に当たった", "partner-throws-blood")]
    [InlineData("弟の手首に赤い線が何本もある。本人は転んだって", "many-marks-on-someones-arm")]
    [InlineData("部活の先生が家に泊めてあげるって", "adult-offer")]
    [InlineData("ネットで知り合った大人の人が泊めてくれるって", "online-stranger-offers-a-bed")]
    public void Harm_told_by_situation_is_high(string text, string rule)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("今玉ねぎ切ってる、涙止まらん")]
    [InlineData("弟の腕に蚊に刺された跡がひとつ")]
    [InlineData("頭痛薬1錠のんだ。お酒はやめとく")]
    [InlineData("ボールが柵の外さ出た、マンションの裏")]
    [InlineData("今から海さ行ぐ、泳ぐべ")]
    [InlineData("夏の海きた、このまま歩いて入っていく、泳ぐぞー")]
    [InlineData("部活を引退いたします。お世話になりました")]
    [InlineData("人生を卒業いたしますｗ明日からニート")]
    [InlineData("旅行の薬、足りる量あるか調べた")]
    [InlineData("あの陸橋から花火見るって決めた")]
    [InlineData("東京タワーの展望デッキなう、夜景すご")]
    [InlineData("作文の題名を「遺書」にしたら笑われたｗ")]
    [InlineData("推しの新作尊すぎて息できん、しぬ")]
    [InlineData("看護の授業で「消えたい」って言われた時の接し方を習った")]
    public void The_near_miss_is_not_high(string text)
    {
        var result = Lexicon.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Theory]
    [InlineData("同じクラスの子んちに泊めてもらえるか聞いてみよっかな")]
    [InlineData("友達が泊めてくれるって")]
    [InlineData("幼なじみの家に泊めてもらうことになった")]
    public void A_peer_giving_a_bed_is_not_grooming(string text)
    {
        var whole = RiskEngine.CreateDefault().Assess(text);
        Assert.True(whole.Level <= RiskLevel.Medium, $"{text}: {whole.Level} ({string.Join(",", whole.Rules)})");
        Assert.DoesNotContain(SupportCategory.SexualViolence, whole.Categories);
    }
}
