namespace ChatSupport.Domain.Risk;

/// <summary>
/// The categories of the risk rubric (tests/datasets/risk/RUBRIC.md), shared by the risk engine (what a message is
/// about) and the support directory (what a service helps with).
/// </summary>
public enum SupportCategory
{
    Suicidal,
    SelfHarm,
    Abuse,
    Dv,
    SexualViolence,
    Bullying,
    Poverty,
    Housing,
    Family,
    School,
    Work,
    Health,
    Loneliness,
    OtherPerson,

    /// <summary>Harm met online: strangers, grooming, sextortion, leaked pictures (understanding README). Keep last.</summary>
    OnlineHarm,
}

public static class SupportCategories
{
    private static readonly Dictionary<string, SupportCategory> ByWire = Enum.GetValues<SupportCategory>()
        .ToDictionary(c => c.ToWire(), StringComparer.Ordinal);

    public static IReadOnlyCollection<SupportCategory> All { get; } = Enum.GetValues<SupportCategory>();

    /// <summary>The snake_case wire name used in data files and JSON (self_harm, other_person, …).</summary>
    public static string ToWire(this SupportCategory category) => category switch
    {
        SupportCategory.Suicidal => "suicidal",
        SupportCategory.SelfHarm => "self_harm",
        SupportCategory.Abuse => "abuse",
        SupportCategory.Dv => "dv",
        SupportCategory.SexualViolence => "sexual_violence",
        SupportCategory.Bullying => "bullying",
        SupportCategory.Poverty => "poverty",
        SupportCategory.Housing => "housing",
        SupportCategory.Family => "family",
        SupportCategory.School => "school",
        SupportCategory.Work => "work",
        SupportCategory.Health => "health",
        SupportCategory.Loneliness => "loneliness",
        SupportCategory.OtherPerson => "other_person",
        SupportCategory.OnlineHarm => "online_harm",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static bool TryParse(string? wire, out SupportCategory category) =>
        ByWire.TryGetValue(wire?.Trim().ToLowerInvariant() ?? string.Empty, out category);
}
