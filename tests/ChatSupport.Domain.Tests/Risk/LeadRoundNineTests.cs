using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// The lead's round-9 rules, from the classes a persona replay written apart missed (docs/risk.md, "Round 9"): pills laid
/// out or shown with a goodbye, a friend's such goodbye after a message about the friend, settling on the spot at a drop,
/// and cutting again after a long while. Each in words other than the replay's, both ways.
/// </summary>
public class LeadRoundNineTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();
    private static readonly DateTimeOffset Night = new(2026, 12, 10, 23, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("睡眠薬ずらっと並べた写真あげて、じゃあね元気でって書いてる", "pills-shown-with-goodbye")]
    [InlineData("薬のシート全部出した。今までありがと、ばいばい", "pills-shown-with-goodbye")]
    [InlineData("歩道橋の上、下の線路見てる。もうここでいっかな", "here-at-a-drop")]
    public void Is_critical(string text, string rule)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.Critical, $"{text}: {result.Level}");
        Assert.Contains(rule, result.Rules);
    }

    [Theory]
    [InlineData("久しぶりに切っちゃった")]
    [InlineData("半年ぶりにきっちゃいました")]
    public void Cutting_after_a_long_while_is_self_harm(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level >= RiskLevel.High, $"{text}: {result.Level}");
        Assert.Contains(SupportCategory.SelfHarm, result.Categories);
    }

    [Theory]
    [InlineData("久しぶりに髪切ったー、すっきり")]
    [InlineData("風邪薬飲んで寝るね、ありがと、ばいばい")]
    [InlineData("橋まで来たら左に曲がって。待ち合わせ、ここでいいかな？")]
    [InlineData("キャンプ場の下の川きれい、テントここでいいかな")]
    [InlineData("卒業式、みんなありがとう！ばいばい！")]
    public void Is_not_high(string text)
    {
        var result = Engine.Assess(text);
        Assert.True(result.Level < RiskLevel.High, $"{text}: {result.Level} ({string.Join(",", result.Rules)})");
    }

    [Fact]
    public void A_friends_goodbye_with_pills_after_a_message_about_the_friend_makes_the_writer_the_helper()
    {
        var last = RiskConversation.Assess(Night, "友だちのSNSがおかしい", "錠剤いっぱい並べた画像に「ありがとう、さよなら」って");

        Assert.True(last.Level >= RiskLevel.Critical, $"{last.Level}");
        Assert.Contains("third_person", last.Situations);
        Assert.Contains(SupportCategory.OtherPerson, last.Categories);
    }
}
