using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Acute classes found by replaying the round-6 conversations (Lexicon/acute.yaml), tested both ways with words
/// other than the replays': an urge to cut coming back, a blade kept within reach after it, and having left home
/// and being outside now (no safe place tonight).
/// </summary>
public class AcuteRoundSixTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 13, 0, 0, TimeSpan.Zero);

    private static RiskAssessment Assess(params string[] messages) => RiskConversation.Assess(Now, messages);

    [Theory]
    [InlineData("今日も切りたい")]
    [InlineData("なんか切りたくなりそう")]
    public void An_urge_to_cut_coming_back_is_high(string text)
    {
        var risk = Assess(text);
        Assert.True(risk.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.SelfHarm, risk.Categories);
    }

    [Theory]
    [InlineData("また前髪切りたくなってきた")]
    [InlineData("あいつとの縁、今すぐ切りたい")]
    public void Hair_or_ties_to_cut_again_stay_below_high(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);

    [Fact]
    public void A_blade_kept_within_reach_after_an_urge_keeps_the_danger() =>
        Assert.True(Assess("切りたくなってる", "剃刀はポーチに入ってる").Level >= RiskLevel.High);

    [Fact]
    public void A_blade_in_a_drawer_without_any_urge_is_not_danger() =>
        Assert.True(Assess("工作でカッター使う", "カッターは机の引き出しにある").Level < RiskLevel.High);

    [Theory]
    [InlineData("家を飛び出してきた", "いま駅にいる")]
    [InlineData("家出してきた", "河川敷に座ってる")]
    public void Having_left_home_and_being_outside_now_is_no_safe_place_tonight(string before, string now)
    {
        var risk = Assess(before, now);
        Assert.True(risk.Level >= RiskLevel.High, now);
        Assert.Contains(SupportCategory.Housing, risk.Categories);
    }

    [Theory]
    [InlineData("部活終わって、いま駅にいる")]
    [InlineData("友達とコンビニにいる")]
    public void Being_at_a_station_or_a_shop_on_an_ordinary_day_is_not_danger(string text) =>
        Assert.True(Assess("今日は普通の日", text).Level < RiskLevel.High, text);

    [Fact]
    public void Violence_told_after_the_partner_was_named_is_partner_violence()
    {
        var risk = Assess("彼のことで聞いてほしい", "昨日の夜、壁に押しつけられて首にあざが残ってる");
        Assert.True(risk.Level >= RiskLevel.High);
        Assert.Contains(SupportCategory.Dv, risk.Categories);
    }

    [Fact]
    public void A_blade_found_in_the_hand_is_self_harm() =>
        Assert.True(Assess("言い合いのあと、気づいたらカミソリ握ってた").Level >= RiskLevel.High);

    [Theory]
    [InlineData("消えたいとかちゃうねん、ただ疲れてるだけ")]
    [InlineData("死にたいとかじゃなくて、眠いだけ")]
    public void A_wish_said_not_to_be_there_in_dialect_is_not_high(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);
}
