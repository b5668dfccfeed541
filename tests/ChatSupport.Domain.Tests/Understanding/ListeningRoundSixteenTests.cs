using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// The lead's round-16 patterns (Patterns/lead16.yaml) and the round-16 rule that a risk reading the lexicon took as
/// something else (a dampener or hyperbole) is not a disclosure, both ways, in sentences of our own.
/// </summary>
public class ListeningRoundSixteenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("充電もうないけん電話はむり")]
    [InlineData("電話だと泣いてしまうからチャットで")]
    public void A_call_impossible_now_cannot_call(string text) =>
        Assert.Contains(Intent.CannotCall, Engine.Understand(text).Intents);

    [Fact]
    public void A_phone_named_with_no_trouble_is_not_cannot_call() =>
        Assert.DoesNotContain(Intent.CannotCall, Engine.Understand("スマホの充電器買った").Intents);

    [Theory]
    [InlineData("こんな話してもいいのかな")]
    [InlineData("わたしに何かできることある？")]
    public void Asking_whether_this_may_be_told_or_what_one_can_do_asks_to_consult(string text) =>
        Assert.Contains(Intent.AskCanConsult, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("児相ってどこにある？")]
    [InlineData("相談先の番号知りたい")]
    [InlineData("夜中でもあいてるとこある？")]
    public void Where_an_office_or_a_number_is_asks_for_services(string text) =>
        Assert.Contains(Intent.AskServices, Engine.Understand(text).Intents);

    [Fact]
    public void The_small_hours_asked_about_asks_the_hours() =>
        Assert.Contains(Intent.AskHours, Engine.Understand("明け方の4時頃でもつながる？").Intents);

    [Theory]
    [InlineData("だれか生きてる人いる？")]
    [InlineData("人間のほうがいい")]
    public void A_living_person_asked_for_asks_for_a_person(string text) =>
        Assert.Contains(Intent.AskPerson, Engine.Understand(text).Intents);

    [Fact]
    public void An_account_shared_with_parents_asks_about_privacy() =>
        Assert.Contains(Intent.AskPrivacy, Engine.Understand("家族と同じアカウント使ってるんやけど").Intents);

    [Fact]
    public void Thanks_and_a_kansai_goodbye_is_a_farewell() =>
        Assert.Contains(Intent.Farewell, Engine.Understand("おおきに、ほなね").Intents);

    [Theory]
    [InlineData("看護の実習でリストカットの患者さんの看護を勉強した")]
    [InlineData("ゲームで死ぬほど負けた")]
    public void Words_read_as_something_else_are_not_a_disclosure_of_harm(string text)
    {
        // A school word (実習) may still be read as the writer's school life; the harm is not theirs.
        var result = Engine.Understand(text);
        Assert.DoesNotContain(SupportCategory.SelfHarm, result.Categories);
        Assert.DoesNotContain(SupportCategory.Suicidal, result.Categories);
    }

    [Theory]
    [InlineData("リストカットがやめられない", SupportCategory.SelfHarm)]
    [InlineData("おら、もう生ぎでぐね", SupportCategory.Suicidal)]
    [InlineData("友達が冗談っぽく「もう終わりにする」って言ってたけど、目が笑ってなかった", SupportCategory.Suicidal)]
    public void A_real_disclosure_or_a_friend_in_danger_is_still_read(string text, SupportCategory category)
    {
        var result = Engine.Understand(text);
        Assert.Contains(Intent.Disclosure, result.Intents);
        Assert.Contains(category, result.Categories);
    }

    [Fact]
    public void Not_wanting_to_go_in_tohoku_speech_is_not_ideation() =>
        Assert.DoesNotContain(SupportCategory.Suicidal, Engine.Understand("学校さ行ぎでぐねぇ").Categories);
}
