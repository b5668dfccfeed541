using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Round 7 acute classes (acute.yaml), tested both ways with words other than the replays that showed them missing:
/// a step forward at a platform that would end everything, and a blade lying within reach after an urge.
/// </summary>
public class AcuteRoundSevenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 13, 0, 0, TimeSpan.Zero);

    private static RiskAssessment Assess(params string[] messages) => RiskConversation.Assess(Now, messages);

    [Theory]
    [InlineData("駅のホームで、あと一歩前に出たら楽になれるのかなって考えてしまう")]
    [InlineData("踏切で一歩踏み出したらもう終わりなのにって")]
    public void A_step_forward_that_would_end_everything_is_high_and_suicidal(string text)
    {
        var risk = Assess(text);
        Assert.True(risk.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.Suicidal, risk.Categories);
    }

    [Theory]
    [InlineData("一歩前に出たら集合写真に入れた")]
    [InlineData("ホームで一歩下がって待ってください")]
    public void Stepping_forward_in_everyday_words_is_not_danger(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);

    [Fact]
    public void A_blade_on_the_desk_after_an_urge_is_critical() =>
        Assert.Equal(RiskLevel.Critical, Assess("また切りたくなってきた", "いまカッター机の上にある").Level);

    [Fact]
    public void A_blade_on_the_desk_without_an_urge_is_not_danger() =>
        Assert.True(Assess("図工の宿題してる", "カッター机の上にある").Level < RiskLevel.High);

    [Theory]
    [InlineData("ｺﾚｶﾗｼﾇ")]
    [InlineData("いますぐ死にます。ごめんね")]
    public void Dying_now_in_any_script_is_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Assess(text).Level);

    [Theory]
    [InlineData("いまから死ぬほど勉強する")]
    [InlineData("これから死ぬ気で走る")]
    public void Dying_now_as_a_figure_of_speech_is_not_danger(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);

    [Theory]
    [InlineData("人生からログアウトしたい気分")]
    [InlineData("このよから消えたい")]
    [InlineData("存在自体なくしたい")]
    [InlineData("生きてるのやめてもいいかな")]
    [InlineData("あの世に行きたいな")]
    [InlineData("明日起きなかったら楽なのに")]
    public void A_wish_to_be_gone_in_other_words_is_high(string text)
    {
        var risk = Assess(text);
        Assert.True(risk.Level >= RiskLevel.High, text);
        Assert.Contains(SupportCategory.Suicidal, risk.Categories);
    }

    [Theory]
    [InlineData("ゲームからログアウトしたい")]
    [InlineData("明日起きれなかったらやばい")]
    public void Everyday_words_near_those_wishes_are_not_danger(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);

    [Fact]
    public void Cutting_under_way_is_critical_and_hair_is_not() =>
        Assert.True(Assess("いま切ってる途中で手がふるえる").Level == RiskLevel.Critical
            && Assess("いま髪切ってる途中").Level < RiskLevel.High);

    [Theory]
    [InlineData("さっき睡眠薬まとめていった")]
    [InlineData("かぜ薬、箱ごといった")]
    [InlineData("いますぐ飛び降りる")]
    public void Medicine_taken_in_slang_and_jumping_now_are_critical(string text) =>
        Assert.Equal(RiskLevel.Critical, Assess(text).Level);

    [Theory]
    [InlineData("お菓子、箱ごと食べた")]
    [InlineData("ライブ全部いった")]
    [InlineData("これから飛行機で飛ぶ")]
    public void Everyday_slang_near_those_is_not_danger(string text) =>
        Assert.True(Assess(text).Level < RiskLevel.High, text);
}
