using ChatSupport.Domain.Risk;

namespace ChatSupport.Bot.Turns;

/// <summary>Configuration section <c>ChatSupport:Bot</c>.</summary>
public sealed class BotOptions
{
    public const string SectionName = "ChatSupport:Bot";

    /// <summary><c>consultation</c> (the product) or <c>echo</c> (benchmark baseline only).</summary>
    public string Mode { get; set; } = "consultation";

    /// <summary>Longer messages are stored whole, but the bot reads only this many characters and says so.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>The risk level at which a conversation joins the counselors' queue by itself (wire name: high, critical …). Default high.</summary>
    public RiskLevel AutoHandoffLevel { get; set; } = RiskLevel.High;
}
