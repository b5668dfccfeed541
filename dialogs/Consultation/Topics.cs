using ChatSupport.Domain.Risk;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>The topics the person can pick when looking for support, with what they mean for the directory.</summary>
public static class Topics
{
    public sealed record Topic(string Key, IReadOnlyList<SupportCategory> Categories, IReadOnlyList<string> Synonyms);

    public static IReadOnlyList<Topic> All { get; } =
    [
        new("bullying", [SupportCategory.Bullying], ["いじめられてる", "無視", "仲間はずれ", "bully"]),
        new("family", [SupportCategory.Family], ["家族", "親", "家のこと", "family"]),
        new("school", [SupportCategory.School], ["学校", "不登校", "先生", "school"]),
        new("suicidal", [SupportCategory.Suicidal], ["死にたい", "消えたい", "suicide"]),
        new("self_harm", [SupportCategory.SelfHarm], ["自傷", "リスカ", "self harm"]),
        new("abuse", [SupportCategory.Abuse, SupportCategory.Dv], ["虐待", "暴力", "殴られる", "abuse", "violence"]),
        new("sexual_violence", [SupportCategory.SexualViolence], ["性被害", "性暴力", "sexual"]),
        new("poverty", [SupportCategory.Poverty], ["お金", "食べ物", "money", "food"]),
        new("housing", [SupportCategory.Housing], ["住むところ", "家がない", "泊まるところ", "housing"]),
        new("work", [SupportCategory.Work], ["仕事", "バイト", "job", "work"]),
        new("health", [SupportCategory.Health], ["病気", "体調", "心の不調", "health"]),
        new("loneliness", [SupportCategory.Loneliness], ["さみしい", "寂しい", "ひとり", "孤独", "lonely"]),
    ];

    public static List<Choice> Choices(BotTexts texts, bool english) =>
        All.Select(t => new Choice(texts.Get("topic." + t.Key, english), [.. t.Synonyms])).ToList();

    /// <summary>
    /// The topic whose button title (Japanese or English) the whole message is, or null. A pressed topic
    /// button is a choice, not a message to scan: 「死にたい・消えたい」 pressed is not read as a new disclosure.
    /// </summary>
    public static Topic? FromButton(BotTexts texts, string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        return All.FirstOrDefault(t =>
            normalized == TextNormalizer.Normalize(texts.Get("topic." + t.Key, false))
            || normalized == TextNormalizer.Normalize(texts.Get("topic." + t.Key, true)));
    }
}
