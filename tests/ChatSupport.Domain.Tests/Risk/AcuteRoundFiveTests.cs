using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Acute classes found by replaying fresh conversations (Lexicon/acute.yaml), tested both ways with words other
/// than the replays': an urge to self-harm and a blade in the hand, sedatives with alcohol, a friend's goodbye
/// posted now, and grooming told over several messages.
/// </summary>
public class AcuteRoundFiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);

    private static RiskAssessment Assess(params string[] messages) => RiskConversation.Assess(Now, messages);

    [Theory]
    [InlineData("リスカしたくてたまらん")]
    [InlineData("また切っちゃいそうで怖い")]
    [InlineData("自傷衝動が止まらない")]
    public void An_urge_to_self_harm_is_high(string text) =>
        Assert.True(Assess(text).Level >= RiskLevel.High, text);

    [Theory]
    [InlineData("髪切りたいなー")]
    [InlineData("前髪切りたい衝動にかられる笑")]
    [InlineData("縁を切りたい気持ちはある、あの先輩と")]
    public void Cutting_hair_or_ties_is_not_self_harm(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);

    [Fact]
    public void A_blade_in_the_hand_after_an_urge_is_critical()
    {
        var later = Assess("腕切りたくて仕方ない", "いま剃刀にぎってる");
        Assert.Equal(RiskLevel.Critical, later.Level);
        Assert.Contains("means", later.Situations);
    }

    [Fact]
    public void A_blade_in_the_hand_for_crafts_is_not_danger() =>
        Assert.True(Assess("明日の図工の準備してる", "カッター手に持ってるとこ").Level < RiskLevel.High);

    [Theory]
    [InlineData("ストゼロで眠剤流し込んだ")]
    [InlineData("デパスとお酒いっしょに飲んじゃった")]
    public void Sedatives_taken_with_alcohol_are_an_overdose_now(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskLevel.Critical, assessment.Level);
        Assert.Contains("overdose", assessment.Situations);
    }

    [Theory]
    [InlineData("居酒屋でビール飲んで帰ってきた")]
    [InlineData("処方された睡眠薬を寝る前に飲んだ")]
    [InlineData("酒と睡眠薬を一緒に飲んだらだめって授業で習った")]
    public void Alcohol_or_prescribed_sleep_medicine_alone_is_not_an_overdose(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.Critical, text);

    [Theory]
    [InlineData("親友がストーリーで今までありがとうって載せてる")]
    [InlineData("彼氏から遺書みたいなLINE来てる、既読つかない")]
    public void A_friends_goodbye_now_is_critical_and_makes_the_writer_the_helper(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskLevel.Critical, assessment.Level);
        Assert.Contains(SupportCategory.OtherPerson, assessment.Categories);
    }

    [Theory]
    [InlineData("卒業するのでクラスのみんなにさよならって書き込みした")]
    [InlineData("ドラマで主人公が遺書みたいな手紙書いてた")]
    public void A_goodbye_of_ones_own_at_an_occasion_or_in_a_drama_is_not_a_friend_in_danger(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.Critical, text);

    [Theory]
    [InlineData("アプリで知り合った人とやりとりしてる", "泊まるとこ用意するって")]
    [InlineData("オプチャで知り合った人がいる", "誰にも言うなって言われた")]
    public void Someone_met_online_then_an_offer_or_secrecy_is_grooming(string earlier, string later)
    {
        var assessment = Assess(earlier, later);
        Assert.True(assessment.Level >= RiskLevel.High, later);
        Assert.Contains("grooming", assessment.Situations);
    }

    [Theory]
    [InlineData("クラスの友だちと遊んだ", "お母さんにはサプライズだから内緒にしてって")]
    [InlineData("部活の合宿の話", "ホテルも取るって先生が言ってた")]
    public void Secrecy_or_a_hotel_without_anyone_met_online_is_not_grooming(string earlier, string later) =>
        Assert.DoesNotContain("grooming", Assess(earlier, later).Situations);
}
