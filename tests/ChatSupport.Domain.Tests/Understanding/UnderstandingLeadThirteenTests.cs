using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>The lead's round-13 patterns (Patterns/lead13.yaml), both ways, in sentences of our own.</summary>
public class UnderstandingLeadThirteenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("同じ立場の人と話したいな")]
    [InlineData("おなじ悩みの子とつながりたい")]
    public void Wanting_people_in_the_same_situation_asks_for_places_not_for_a_counselor(string text)
    {
        var reading = Engine.Understand(text);
        Assert.Contains(Intent.AskServices, reading.Intents);
        Assert.DoesNotContain(Intent.AskPerson, reading.Intents);
    }

    [Fact]
    public void Wanting_a_person_is_still_asking_for_a_person() =>
        Assert.Contains(Intent.AskPerson, Engine.Understand("誰か人と話したい").Intents);

    [Theory]
    [InlineData("ここで書いたこと親に伝わったりせん？")]
    [InlineData("先生にバレたりしない？")]
    public void Whether_the_school_or_parents_will_be_told_is_a_privacy_question(string text) =>
        Assert.Contains(Intent.AskPrivacy, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("こがいなことで相談してもええん？")]
    [InlineData("こんなん話してもよかと？")]
    public void Whether_one_may_talk_about_it_is_asked_in_dialect(string text) =>
        Assert.Contains(Intent.AskCanConsult, Engine.Understand(text).Intents);

    [Fact]
    public void Asking_whether_a_phone_call_is_all_right_asks_for_services() =>
        Assert.Contains(Intent.AskServices, Engine.Understand("電話でもいいんですか").Intents);

    [Theory]
    [InlineData("部活のやつらが俺の写真に落書きしてグループに流してる")]
    [InlineData("変な顔の画像、勝手に回されてる")]
    public void A_picture_defaced_or_passed_round_is_bullying_online(string text)
    {
        var reading = Engine.Understand(text);
        Assert.Contains(SupportCategory.OnlineHarm, reading.Categories);
    }

    [Fact]
    public void A_drawing_on_a_photo_for_an_album_is_not_bullying() =>
        Assert.DoesNotContain(SupportCategory.Bullying, Engine.Understand("卒アルの写真にみんなで寄せ書きした").Categories);

    [Fact]
    public void Whether_a_person_is_inside_asks_whether_it_is_a_bot()
    {
        var reading = Engine.Understand("ここ中に人いるの？");
        Assert.Contains(Intent.AskIsBot, reading.Intents);
        Assert.DoesNotContain(Intent.AskPerson, reading.Intents);
    }

    [Theory]
    [InlineData("こんな時間でも話聞いてもらえる？", Intent.AskHours)]
    [InlineData("夜でもやっとる？", Intent.AskHours)]
    [InlineData("電話じゃなくても相談できますか", Intent.CannotCall)]
    [InlineData("ボットより人間のほうがいい", Intent.AskPerson)]
    [InlineData("警察に通報されたら困る", Intent.AskPrivacy)]
    [InlineData("話聞いてくれてあざっす", Intent.Farewell)]
    [InlineData("親のスマホから書いてるんだけど大丈夫かな", Intent.AskPrivacy)]
    public void Questions_in_everyday_words_are_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);
}
