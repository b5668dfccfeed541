namespace ChatSupport.Domain.Support;

/// <summary>Age bands the consultation dialog asks about. Ranges overlap at school transitions.</summary>
public enum AgeBand
{
    /// <summary>小学生 (about 6–12).</summary>
    ElementarySchool,

    /// <summary>中学生 (about 12–15).</summary>
    JuniorHighSchool,

    /// <summary>高校生 (about 15–18).</summary>
    HighSchool,

    /// <summary>大学生・専門学校生, 19–29.</summary>
    YoungAdult,

    /// <summary>30 and over.</summary>
    Adult,
}

public static class AgeBands
{
    /// <summary>The youngest and oldest age a band can contain.</summary>
    public static (int Min, int Max) Range(this AgeBand band) => band switch
    {
        AgeBand.ElementarySchool => (6, 12),
        AgeBand.JuniorHighSchool => (12, 15),
        AgeBand.HighSchool => (15, 18),
        AgeBand.YoungAdult => (18, 29),
        AgeBand.Adult => (30, 120),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    /// <summary>The band of an age in years: ≤12, 13–15, 16–18, 19–29, 30+.</summary>
    public static AgeBand FromAge(int age) => age switch
    {
        <= 12 => AgeBand.ElementarySchool,
        <= 15 => AgeBand.JuniorHighSchool,
        <= 18 => AgeBand.HighSchool,
        <= 29 => AgeBand.YoungAdult,
        _ => AgeBand.Adult,
    };

    /// <summary>Children in the sense of services "for children": up to high school.</summary>
    public static bool IsChild(this AgeBand band) => band <= AgeBand.HighSchool;
}
