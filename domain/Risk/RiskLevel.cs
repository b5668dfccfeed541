namespace ChatSupport.Domain.Risk;

/// <summary>
/// The five ordered risk levels of the risk rubric (tests/datasets/risk/RUBRIC.md). Order matters: a higher value is
/// more urgent, so levels compare with the ordinary operators and <see cref="RiskLevels.Max"/>.
/// </summary>
public enum RiskLevel
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class RiskLevels
{
    public static RiskLevel Max(RiskLevel a, RiskLevel b) => a >= b ? a : b;

    public static RiskLevel Min(RiskLevel a, RiskLevel b) => a <= b ? a : b;

    /// <summary>The lower-case wire name used in JSON, the CLI and the console API.</summary>
    public static string ToWire(this RiskLevel level) => level switch
    {
        RiskLevel.None => "none",
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        RiskLevel.High => "high",
        RiskLevel.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? wire, out RiskLevel level)
    {
        switch (wire?.Trim().ToLowerInvariant())
        {
            case "none": level = RiskLevel.None; return true;
            case "low": level = RiskLevel.Low; return true;
            case "medium": level = RiskLevel.Medium; return true;
            case "high": level = RiskLevel.High; return true;
            case "critical": level = RiskLevel.Critical; return true;
            default: level = RiskLevel.None; return false;
        }
    }
}
