using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 18's patterns (Patterns/lead18.yaml): kinds of phrasing the apart21 writer showed unread or read wrongly,
/// both ways where a near miss exists, in sentences of our own.
/// </summary>
public class ListeningRoundEighteenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("モラハラってどういう意味？")]
    [InlineData("停学って何日休んだらなるの？")]
    [InlineData("ネットいじめって法律で禁止されてるの？")]
    [InlineData("詐欺のニュースこわかった。どうやって見分けるの？")]
    [InlineData("「親ガチャ」って言葉、授業で出てきた")]
    [InlineData("ピルってコンビニで買えるようになるの？")]
    public void A_meaning_or_a_rule_asked_about_is_not_a_disclosure(string text) =>
        Assert.DoesNotContain(Intent.Disclosure, Engine.Understand(text).Intents);

    [Fact]
    public void The_writers_own_trouble_beside_a_rule_stays_a_disclosure() =>
        Assert.Contains(Intent.Disclosure, Engine.Understand("毎日殴られてる。これって法律で禁止されてるよね？").Intents);

    [Theory]
    [InlineData("声が出せなくて電話むり。別の方法ってありますか")]
    [InlineData("お金ないけど、無料で相談できるところある？")]
    [InlineData("バイトの悩みって、どこに相談するもんなの？")]
    [InlineData("チャイルドラインって無料？")]
    public void Another_way_a_free_place_or_where_to_go_asks_for_services(string text) =>
        Assert.Contains(Intent.AskServices, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("既読つかない。人おらんの？")]
    [InlineData("is anybody there")]
    public void Whether_anyone_is_there_asks_if_it_is_a_bot(string text) =>
        Assert.Contains(Intent.AskIsBot, Engine.Understand(text).Intents);

    [Fact]
    public void Wanting_a_grown_up_to_listen_asks_for_a_person() =>
        Assert.Contains(Intent.AskPerson, Engine.Understand("ちゃんとした大人の人に聞いてほしか").Intents);

    [Fact]
    public void Whether_one_can_start_now_asks_the_hours() =>
        Assert.Contains(Intent.AskHours, Engine.Understand("今からでも話せる？").Intents);

    [Fact]
    public void Whether_a_school_year_may_use_it_asks_if_one_can_consult()
    {
        var understood = Engine.Understand("小6でも相談できる？");
        Assert.Contains(Intent.AskCanConsult, understood.Intents);
        Assert.DoesNotContain(Intent.Disclosure, understood.Intents);
    }

    [Theory]
    [InlineData("親のスマホに通知来たりする？")]
    [InlineData("ロック画面に通知でたりしない？")]
    [InlineData("本名は出したくない")]
    public void A_notice_or_a_name_kept_private_asks_about_privacy(string text) =>
        Assert.Contains(Intent.AskPrivacy, Engine.Understand(text).Intents);

    [Fact]
    public void Leaving_for_a_while_is_a_farewell_and_a_task_paused_is_not()
    {
        Assert.Contains(Intent.Farewell, Engine.Understand("母が来たから一旦抜ける").Intents);
        Assert.DoesNotContain(Intent.Farewell, Engine.Understand("宿題がいったん終わるまで待って").Intents);
    }
}
