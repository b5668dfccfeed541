using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Domain.Tests.Understanding;

/// <summary>
/// Classes that fresh persona replays (written by the team, read as transcripts) showed were missed: asking whom
/// to tell, a parent who hits or gives no food told by act, nobody to talk to at school, threats to spread pictures,
/// not leaving home, a possible pregnancy, criminal job offers, asking the bot to be a companion, and a teacher
/// who looks away (bullying, not family). Every message here was written for these tests, in other words than the replays.
/// </summary>
public class UnderstandingRoundFourTests
{
    private static readonly UnderstandingEngine Engine = UnderstandingEngine.CreateDefault();

    [Theory]
    [InlineData("だれに相談したらいいのかな")]
    [InlineData("こういうのどこに言うたらええんやろ")]
    [InlineData("似た人が集まる場所ってある？")]
    [InlineData("居場所みたいなのってありますか")]
    public void AskingWhomToTellOrWhereToGo_IsAskServices(string text) =>
        Assert.Contains(Intent.AskServices, Engine.Understand(text).Intents);

    [Theory]
    [InlineData("パパがいつも殴ってくる")]
    [InlineData("継母に毎日叩かれる")]
    [InlineData("家だとご飯ほとんどもらえない")]
    public void AParentWhoHitsOrGivesNoFood_IsAbuse(string text) =>
        Assert.Contains(SupportCategory.Abuse, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("ゲームのママキャラが敵をたたく")]
    [InlineData("ママにご飯つくってあげた")]
    public void EverydayTalkAboutParents_IsNotAbuse(string text) =>
        Assert.DoesNotContain(SupportCategory.Abuse, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("教室で話せる人がいない")]
    [InlineData("友だちがひとりもいない")]
    public void NobodyToTalkToAtSchool_IsLoneliness(string text) =>
        Assert.Contains(SupportCategory.Loneliness, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("言うこと聞かないと画像拡散するって脅された")]
    [InlineData("裸の写真送れって言われてる")]
    public void ThreatsAndIntimatePictures_AreOnlineHarm(string text) =>
        Assert.Contains(SupportCategory.OnlineHarm, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("部屋から全然出てない")]
    [InlineData("外に出るのがしんどい")]
    public void NotLeavingHome_IsLoneliness(string text) =>
        Assert.Contains(SupportCategory.Loneliness, Engine.Understand(text).Categories);

    [Theory]
    [InlineData("監督も見て見ぬふりする")]
    [InlineData("担任は見て見ぬフリ")]
    public void ATeacherWhoLooksAway_IsBullyingNotFamily(string text)
    {
        var result = Engine.Understand(text);
        Assert.Contains(SupportCategory.Bullying, result.Categories);
        Assert.DoesNotContain(SupportCategory.Family, result.Categories);
    }

    [Theory]
    [InlineData("生理こなくて、もしかして妊娠かも", "pregnancy")]
    [InlineData("運ぶだけで5万ってバイト誘われた", "dark-job")]
    [InlineData("話し相手になってほしい", "companion-request")]
    public void SituationsWithTheirOwnLine_NameTheirCue(string text, string cue) =>
        Assert.Contains(Engine.Understand(text).Cues, c => c.Id == cue);

    [Fact]
    public void AskingWhetherParentsFindOut_IsPrivacyAboutParents()
    {
        var result = Engine.Understand("家族に知られたりしない？");
        Assert.Contains(Intent.AskPrivacy, result.Intents);
        Assert.Contains(result.Cues, c => c.Id == "ask-privacy-parents");
    }
}
