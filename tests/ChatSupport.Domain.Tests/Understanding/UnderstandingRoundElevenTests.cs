using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>Round 11 classes (Patterns/round11.yaml), tested both ways in sentences of our own.</summary>
public class UnderstandingRoundElevenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("おとんが酔うとおかんを殴る", SupportCategory.Dv)]
    [InlineData("彼氏にスマホのパスワード全部教えろって言われる", SupportCategory.Dv)]
    [InlineData("いまは先輩の家に泊めてもらってる", SupportCategory.Housing)]
    [InlineData("ガスも電気も止まった", SupportCategory.Housing)]
    [InlineData("親に追い出されて行くとこない", SupportCategory.Family)]
    [InlineData("友達のことでも相談できる？", SupportCategory.OtherPerson)]
    [InlineData("お姉ちゃんが最近消えたいって言う", SupportCategory.OtherPerson)]
    [InlineData("性別のことでずっと悩んどる", SupportCategory.Health)]
    [InlineData("弟の世話も全部うちがやっとる", SupportCategory.Family)]
    public void The_topic_is_read(string text, SupportCategory category) =>
        Assert.Contains(category, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("チャットで話せる人いる？", Intent.AskPerson)]
    [InlineData("ほんまの人おらんの？", Intent.AskPerson)]
    [InlineData("祝日もやってる？", Intent.AskHours)]
    [InlineData("こんな時間でも返事してもらえる？", Intent.AskHours)]
    [InlineData("後輩が心配。どこに連絡したらいい？", Intent.AskServices)]
    [InlineData("本名とか言わなきゃだめ？", Intent.AskPrivacy)]
    public void The_ask_is_read(string text, Intent intent) =>
        Assert.Contains(intent, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("父と母が仲良く旅行に行った", SupportCategory.Dv)]
    [InlineData("友達の家に泊まりに行くのが楽しみ", SupportCategory.Housing)]
    [InlineData("スマホのパスワード忘れた", SupportCategory.Dv)]
    [InlineData("制服がかわいい学校に行きたい", SupportCategory.Health)]
    public void Everyday_lines_do_not_get_the_topic(string text, SupportCategory category) =>
        Assert.DoesNotContain(category, Engine.Understand(text).Categories);
}
