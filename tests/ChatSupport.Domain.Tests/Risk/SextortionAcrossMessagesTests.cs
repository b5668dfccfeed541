using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>
/// Sextortion told over several messages: pictures sent to someone met online first, the threat later. No single
/// message says both, so only the conversation layer can see it (found in a persona replay; these lines are new).
/// </summary>
public class SextortionAcrossMessagesTests
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 21, 0, 0, TimeSpan.Zero);

    private static RiskAssessment After(string earlier, string later)
    {
        var conversation = ConversationRisk.Empty;
        conversation = conversation.Update(Engine.Assess(earlier, conversation, Now), Now);
        return Engine.Assess(later, conversation, Now.AddMinutes(2));
    }

    [Theory]
    [InlineData("SNSで知り合った人に自撮り送っちゃった", "送らないとクラスのグループに流すって言われた")]
    [InlineData("ネットの人に写真送れって言われて送った", "言うこと聞かないとばらすって")]
    public void PicturesOnlineThenAThreatToSpread_IsSextortion(string earlier, string threat)
    {
        var later = After(earlier, threat);

        Assert.True(later.Level >= RiskLevel.High, $"{threat}: {later.Level}");
        Assert.Contains("sextortion", later.Situations);
    }

    [Theory]
    [InlineData("友だちと旅行の写真とった", "先生にばらすって言われた、宿題忘れたこと")]
    [InlineData("今日は部活だった", "妹が私の秘密ばらすって言う")]
    public void AThreatToTellWithoutPicturesOnline_IsNotSextortion(string earlier, string threat) =>
        Assert.DoesNotContain("sextortion", After(earlier, threat).Situations);
}
