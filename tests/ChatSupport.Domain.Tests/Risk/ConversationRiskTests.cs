using System.Text.Json;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Tests.Risk;

public class ConversationRiskTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 21, 0, 0, TimeSpan.FromHours(9));

    private static RiskAssessment Message(RiskLevel level, params SupportCategory[] categories) =>
        new(level, categories, [], [], "test");

    [Fact]
    public void Critical_StaysForTheSession()
    {
        var risk = ConversationRisk.Empty
            .Update(Message(RiskLevel.Critical, SupportCategory.Suicidal), T0)
            .Update(Message(RiskLevel.None), T0.AddHours(5));

        Assert.Equal(RiskLevel.Critical, risk.Level);
        Assert.Equal(T0, risk.CriticalAt);
    }

    [Fact]
    public void High_KeepsTheConversationHighWithinTheWindow()
    {
        var risk = ConversationRisk.Empty
            .Update(Message(RiskLevel.High), T0)
            .Update(Message(RiskLevel.Low), T0.AddMinutes(29));

        Assert.Equal(RiskLevel.High, risk.Level);
    }

    [Fact]
    public void High_DecaysToTheHighestLevelStillRecent()
    {
        var risk = ConversationRisk.Empty
            .Update(Message(RiskLevel.High), T0)
            .Update(Message(RiskLevel.Medium), T0.AddMinutes(20))
            .Update(Message(RiskLevel.None), T0.AddMinutes(31));

        Assert.Equal(RiskLevel.Medium, risk.Level);
        Assert.Equal(RiskLevel.None, risk.LevelAt(T0.AddMinutes(60)));
    }

    [Fact]
    public void Categories_AreTheUnionOverTheSession()
    {
        var risk = ConversationRisk.Empty
            .Update(Message(RiskLevel.Medium, SupportCategory.Bullying), T0)
            .Update(Message(RiskLevel.High, SupportCategory.Suicidal, SupportCategory.School), T0.AddHours(2));

        Assert.Equal([SupportCategory.Suicidal, SupportCategory.Bullying, SupportCategory.School], risk.Categories);
    }

    [Fact]
    public void Update_IsPure()
    {
        var before = ConversationRisk.Empty.Update(Message(RiskLevel.Low), T0);

        _ = before.Update(Message(RiskLevel.Critical), T0.AddMinutes(1));

        Assert.Equal(RiskLevel.Low, before.Level);
        Assert.Null(before.CriticalAt);
    }

    [Fact]
    public void RoundTripsThroughJson()
    {
        var risk = ConversationRisk.Empty
            .Update(Message(RiskLevel.High, SupportCategory.SelfHarm), T0)
            .Update(Message(RiskLevel.Medium, SupportCategory.Family), T0.AddMinutes(3));

        var json = JsonSerializer.Serialize(risk);
        var back = JsonSerializer.Deserialize<ConversationRisk>(json)!;

        Assert.Equal(risk.Level, back.Level);
        Assert.Equal(risk.Categories, back.Categories);
        Assert.Equal(risk.HighSeenAt, back.HighSeenAt);
        Assert.Equal(risk.LevelAt(T0.AddMinutes(40)), back.LevelAt(T0.AddMinutes(40)));
    }
}
