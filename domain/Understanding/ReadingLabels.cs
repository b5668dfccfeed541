using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Understanding;

/// <summary>
/// The one table of the words counselors read for categories and intents (いじめ, 家族, 死にたい気持ち …),
/// instead of wire codes such as <c>suicidal</c>. Japanese first; English for an English console.
/// </summary>
public static class ReadingLabels
{
    public static string Japanese(SupportCategory category) => category switch
    {
        SupportCategory.Suicidal => "死にたい気持ち",
        SupportCategory.SelfHarm => "自傷",
        SupportCategory.Abuse => "虐待",
        SupportCategory.Dv => "DV・恋人や配偶者からの暴力",
        SupportCategory.SexualViolence => "性暴力・性被害",
        SupportCategory.Bullying => "いじめ",
        SupportCategory.Poverty => "お金・生活の困りごと",
        SupportCategory.Housing => "住まい",
        SupportCategory.Family => "家族",
        SupportCategory.School => "学校",
        SupportCategory.Work => "仕事・アルバイト",
        SupportCategory.Health => "心と体の健康",
        SupportCategory.Loneliness => "孤独・孤立",
        SupportCategory.OtherPerson => "周りの人のこと",
        SupportCategory.OnlineHarm => "ネットでの被害",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string English(SupportCategory category) => category switch
    {
        SupportCategory.Suicidal => "suicidal thoughts",
        SupportCategory.SelfHarm => "self-harm",
        SupportCategory.Abuse => "abuse",
        SupportCategory.Dv => "partner violence",
        SupportCategory.SexualViolence => "sexual violence",
        SupportCategory.Bullying => "bullying",
        SupportCategory.Poverty => "money and living costs",
        SupportCategory.Housing => "housing",
        SupportCategory.Family => "family",
        SupportCategory.School => "school",
        SupportCategory.Work => "work",
        SupportCategory.Health => "health",
        SupportCategory.Loneliness => "loneliness",
        SupportCategory.OtherPerson => "someone else",
        SupportCategory.OnlineHarm => "online harm",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string Japanese(Intent intent) => intent switch
    {
        Intent.Greeting => "あいさつ",
        Intent.Farewell => "おわりのあいさつ",
        Intent.AskIsBot => "AIか人かの質問",
        Intent.AskPrivacy => "名前や秘密についての質問",
        Intent.AskHours => "時間についての質問",
        Intent.AskCanConsult => "相談してよいかの質問",
        Intent.AskPerson => "人と話したい",
        Intent.AskServices => "相談先を知りたい",
        Intent.CannotCall => "電話できない",
        Intent.Disclosure => "気持ちや状況を話している",
        Intent.Other => "その他",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, null),
    };

    public static string English(Intent intent) => intent switch
    {
        Intent.Greeting => "greeting",
        Intent.Farewell => "saying goodbye",
        Intent.AskIsBot => "asks if a person answers",
        Intent.AskPrivacy => "asks about names and privacy",
        Intent.AskHours => "asks about hours",
        Intent.AskCanConsult => "asks if they may talk about it",
        Intent.AskPerson => "wants a person",
        Intent.AskServices => "wants a place to contact",
        Intent.CannotCall => "cannot phone",
        Intent.Disclosure => "tells their situation",
        Intent.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, null),
    };

    /// <summary>Japanese labels joined with 「・」 (rubric order as given).</summary>
    public static string JoinJapanese(IEnumerable<SupportCategory> categories) => string.Join("・", categories.Select(Japanese));

    /// <summary>Japanese labels of the intents that say something (<see cref="Intent.Other"/> left out), joined with 「・」.</summary>
    public static string JoinJapanese(IEnumerable<Intent> intents) => string.Join("・", intents.Where(i => i != Intent.Other).Select(Japanese));
}
