using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Misses of issue #10 read by class: wanting to stop something is not a job, dialect and English questions for
/// help, and a reason not to phone given by the hours. Every message here was written for these tests.
/// </summary>
public class UnderstandingRoundThreeTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("やめたいけどやめられへん")]
    [InlineData("夜中のお菓子、止めたいのに止められない")]
    [InlineData("課金やめたいのにやめられん")]
    public void WantingToStopSomething_IsNotWork(string text)
    {
        var result = Engine.Understand(text);

        Assert.DoesNotContain(SupportCategory.Work, result.Categories);
        Assert.Contains(Intent.Disclosure, result.Intents);
    }

    [Theory]
    [InlineData("バイトもうやめたい、店長がきつい")]
    [InlineData("会社辞めたいけど言い出せない")]
    public void QuittingAJob_IsStillWork(string text) =>
        Assert.Contains(SupportCategory.Work, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("スマホがやめられない、朝起きれん")]
    [InlineData("お酒やめたいのに毎晩飲んじゃう")]
    public void AHabitThatCannotBeStopped_IsHealth(string text) =>
        Assert.Contains(SupportCategory.Health, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("どごさ相談すればいいんだべ")]
    [InlineData("どこに電話したらええんやろ")]
    [InlineData("どこ行けばよかと？")]
    [InlineData("where do i get help for this")]
    [InlineData("who can i talk to about my dad")]
    public void WhereToTurn_InDialectOrEnglish_AsksForServices(string text) =>
        Assert.Contains(Intent.AskServices, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("電話は、昼間はバイト中やけん出られん")]
    [InlineData("電話の時間が合わなくて")]
    [InlineData("i can only text, phone lines are open when i'm at work during the day")]
    public void NoTimeToPhone_MeansText(string text)
    {
        var result = Engine.Understand(text);

        Assert.Contains(Intent.CannotCall, result.Intents);
        Assert.True(result.Preferences.CannotCall);
    }

    [Theory]
    [InlineData("昼間は授業中でしんどい")]
    [InlineData("バイトがあるから今日は早く寝る")]
    public void BusyHoursWithoutPhoning_AreNotAboutCalls(string text) =>
        Assert.DoesNotContain(Intent.CannotCall, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("i want to talk to a real person", Intent.AskPerson)]
    [InlineData("can i speak with someone please", Intent.AskPerson)]
    [InlineData("are you a bot or a human", Intent.AskIsBot)]
    [InlineData("am i talking to a robot", Intent.AskIsBot)]
    [InlineData("I can't call anyone", Intent.CannotCall)]
    [InlineData("Hi, can I talk to a counselor?", Intent.AskPerson)]
    [InlineData("I want to talk to a person", Intent.AskPerson)]
    [InlineData("is this a bot?", Intent.AskIsBot)]
    [InlineData("where can I get help?", Intent.AskServices)]
    [InlineData("I can't call", Intent.CannotCall)]
    public void BasicEnglish_IsUnderstood(string text, Intent expected) =>
        Assert.Contains(expected, Engine.Understand(text).Intents);
}
