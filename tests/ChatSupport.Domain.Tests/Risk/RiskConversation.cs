using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

/// <summary>Scores messages as one conversation, a minute apart, with the default engine; returns the last message's assessment.</summary>
internal static class RiskConversation
{
    private static readonly RiskEngine Engine = RiskEngine.CreateDefault();

    public static RiskAssessment Assess(DateTimeOffset start, params string[] messages)
    {
        var conversation = ConversationRisk.Empty;
        RiskAssessment? last = null;
        var at = start;
        foreach (var message in messages)
        {
            last = Engine.Assess(message, conversation, at);
            conversation = conversation.Update(last, at);
            at = at.AddMinutes(1);
        }

        return last!;
    }
}
