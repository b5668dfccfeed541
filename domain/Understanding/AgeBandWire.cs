using ChatSupport.Domain.Support;

namespace ChatSupport.Domain.Understanding;

/// <summary>Wire names of <see cref="AgeBand"/> in data files and JSON: elementary, junior_high, high_school, 18_29, 30_plus.</summary>
public static class AgeBandWire
{
    public static string ToWire(this AgeBand band) => band switch
    {
        AgeBand.ElementarySchool => "elementary",
        AgeBand.JuniorHighSchool => "junior_high",
        AgeBand.HighSchool => "high_school",
        AgeBand.YoungAdult => "18_29",
        AgeBand.Adult => "30_plus",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    public static bool TryParse(string? wire, out AgeBand band)
    {
        switch (wire?.Trim().ToLowerInvariant())
        {
            case "elementary": band = AgeBand.ElementarySchool; return true;
            case "junior_high": band = AgeBand.JuniorHighSchool; return true;
            case "high_school": band = AgeBand.HighSchool; return true;
            case "18_29": band = AgeBand.YoungAdult; return true;
            case "30_plus": band = AgeBand.Adult; return true;
            default: band = default; return false;
        }
    }
}
