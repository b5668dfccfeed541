using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>The lead's round-15 patterns (Patterns/lead15.yaml), both ways, in sentences of our own.</summary>
public class ListeningRoundFifteenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("市役所って日曜開いてる？")]
    [InlineData("保健センター祝日もやってる？")]
    [InlineData("まだやってらが？")]
    public void Whether_a_service_or_office_is_open_is_asking_the_hours(string text) =>
        Assert.Contains(Intent.AskHours, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("にんげんけ？")]
    [InlineData("あんた人間け？")]
    public void A_bare_human_question_in_any_speech_asks_whether_it_is_a_bot(string text) =>
        Assert.Contains(Intent.AskIsBot, Engine.Understand(text).Intents);

    [Fact]
    public void Wanting_a_human_counselor_is_not_asking_whether_it_is_a_bot() =>
        Assert.DoesNotContain(Intent.AskIsBot, Engine.Understand("人間の相談員さんと話したい").Intents);

    [Theory]
    [InlineData("土曜は部活やってる")]
    [InlineData("夜はバイトやってる")]
    public void Saying_what_one_does_on_a_day_is_not_asking_the_hours(string text) =>
        Assert.DoesNotContain(Intent.AskHours, Engine.Understand(text).Intents);

    [Fact]
    public void Where_to_turn_in_tohoku_speech_asks_for_services() =>
        Assert.Contains(Intent.AskServices, Engine.Understand("どごさ相談したらいい？").Intents);

    [Fact]
    public void Fearing_calls_and_wanting_text_cannot_call() =>
        Assert.Contains(Intent.CannotCall, Engine.Understand("電話は苦手だからチャットがいい").Intents);
}
