using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>The lead's round-11 patterns (Patterns/lead11.yaml), both ways, in sentences of our own.</summary>
public class UnderstandingLeadElevenTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("引っ越してきてから、誰ともしゃべってない")]
    [InlineData("最近ほとんど人と話さない生活してる")]
    public void Not_having_talked_to_anyone_is_not_asking_for_a_person(string text) =>
        Assert.DoesNotContain(Intent.AskPerson, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("人と話したいです")]
    [InlineData("誰とも話してない。だから人と話したい")]
    public void Asking_for_a_person_is_still_read(string text) =>
        Assert.Contains(Intent.AskPerson, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("中の人って人間なの？")]
    [InlineData("なかみはAI？")]
    public void Asking_who_is_inside_is_asking_whether_it_is_a_bot(string text) =>
        Assert.Contains(Intent.AskIsBot, Engine.Understand(text).Intents);
}
