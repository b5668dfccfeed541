using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>The lead's round-12 patterns (Patterns/lead12.yaml and the edits beside them), both ways, in sentences of our own.</summary>
public class UnderstandingLeadTwelveTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();
    private static readonly RiskEngine Risk = RiskEngine.CreateDefault();

    [Theory]
    [InlineData("お疲れさまです、バイト終わって帰りの電車")]
    [InlineData("おつかれさまっす。ちょっと聞いてほしい")]
    public void A_tired_greeting_opens_a_conversation_and_is_no_goodbye(string text)
    {
        var reading = Engine.Understand(text);
        Assert.Contains(Intent.Greeting, reading.Intents);
        Assert.DoesNotContain(Intent.Farewell, reading.Intents);
    }

    [Theory]
    [InlineData("今日はお疲れさまでした")]
    [InlineData("聞いてくれてありがと、おつかれさまでした")]
    public void A_tired_closing_is_still_a_goodbye(string text) =>
        Assert.Contains(Intent.Farewell, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("ばあちゃんの介護って、誰かに代わってもらえるもんなの？")]
    [InlineData("弟の世話、たまには他の人に代わってもらう方法ってある？")]
    public void Asking_whether_care_can_be_taken_over_is_not_asking_for_a_person(string text)
    {
        var reading = Engine.Understand(text);
        Assert.DoesNotContain(Intent.AskPerson, reading.Intents);
        Assert.Contains(SupportCategory.Family, reading.Categories);
    }

    [Theory]
    [InlineData("ボットじゃなくて誰かに代わってもらえますか")]
    [InlineData("人に代わってほしい")]
    public void Asking_to_be_passed_to_a_person_is_still_read(string text) =>
        Assert.Contains(Intent.AskPerson, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("べつに寂しいってわけじゃないしょ、ひまなだけ")]
    [InlineData("これ、ないしょにしててね")]
    [InlineData("文化祭のいしょう決まった")]
    public void Ninaishō_and_costumes_are_not_a_farewell_letter(string text)
    {
        Assert.DoesNotContain(SupportCategory.Suicidal, Engine.Understand(text).Categories);
        var level = Risk.Assess(text).Level;
        Assert.True(level < RiskLevel.High, $"{text} read as {level}");
    }

    [Theory]
    [InlineData("いしょかいて机においた")]
    [InlineData("いしょを書きおわった")]
    public void A_letter_written_in_kana_is_still_read(string text) =>
        Assert.Contains(SupportCategory.Suicidal, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("これって人が返事してるの？", Intent.AskIsBot)]
    [InlineData("人間が打っとると？", Intent.AskIsBot)]
    [InlineData("夜もやってますか", Intent.AskHours)]
    [InlineData("土日でも相談できる？", Intent.AskHours)]
    [InlineData("深夜に電話できるところってある？", Intent.AskServices)]
    [InlineData("どこか聞いてもらえる場所ってありますか", Intent.AskServices)]
    [InlineData("夜はここやってる？", Intent.AskHours)]
    [InlineData("相談ってここでいいんですか", Intent.AskCanConsult)]
    public void Asks_in_other_words_are_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);

    [Fact]
    public void Bullying_named_to_say_it_is_not_that_is_not_the_topic() =>
        Assert.DoesNotContain(SupportCategory.Bullying, Engine.Understand("いじめとかじゃないんだけど、教室に入れない").Categories);

    [Fact]
    public void Dumped_by_one_message_is_not_partner_violence() =>
        Assert.DoesNotContain(SupportCategory.Dv, Engine.Understand("彼女からLINE1通でふられた").Categories);

    [Fact]
    public void Thanks_that_even_a_bot_listened_is_a_goodbye_not_a_question()
    {
        var reading = Engine.Understand("ボットでも聞いてもらえて助かった、またね");
        Assert.DoesNotContain(Intent.AskIsBot, reading.Intents);
        Assert.Contains(Intent.Farewell, reading.Intents);
        Assert.Contains(Intent.AskIsBot, Engine.Understand("これってボットでしょ？").Intents);
    }
}
