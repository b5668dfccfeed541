using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Round 5 classes (Patterns/lives.yaml and the split of no-friends from school), tested both ways with words other
/// than the replays that found them.
/// </summary>
public class UnderstandingRoundFiveTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("こっちに来てから友達できない")]
    [InlineData("職場でもぼっち")]
    public void No_friends_without_school_named_is_loneliness_not_school(string text)
    {
        var understanding = Engine.Understand(text);
        Assert.Contains(SupportCategory.Loneliness, understanding.Categories);
        Assert.DoesNotContain(SupportCategory.School, understanding.Categories);
    }

    [Theory]
    [InlineData("家賃が足りなくて困ってる", SupportCategory.Poverty)]
    [InlineData("お祈りメールばっかり来る", SupportCategory.Work)]
    [InlineData("妹の世話と祖母の看病で毎日終わる", SupportCategory.Family)]
    [InlineData("先輩に盗んでこいって言われた", SupportCategory.Bullying)]
    [InlineData("過呼吸になって止まらない", SupportCategory.Health)]
    public void A_situation_told_plainly_is_read_as_its_topic(string text, SupportCategory expected) =>
        Assert.Contains(expected, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("先生に内緒にしとけって言われた")]
    [InlineData("彼氏に秘密にしてねって言われた")]
    public void Someone_elses_request_for_secrecy_is_not_a_privacy_question(string text) =>
        Assert.DoesNotContain(Intent.AskPrivacy, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("ここに書いたことは秘密にしてくれる？")]
    [InlineData("内緒にできる？")]
    public void Asking_whether_this_chat_keeps_a_secret_is_still_a_privacy_question(string text) =>
        Assert.Contains(Intent.AskPrivacy, Engine.Understand(text).Intents);
}
